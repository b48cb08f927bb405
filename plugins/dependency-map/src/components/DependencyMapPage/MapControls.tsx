import {
  Chip,
  FormControl,
  FormControlLabel,
  Grid,
  InputLabel,
  MenuItem,
  Paper,
  Select,
  Switch,
  TextField,
  makeStyles,
} from '@material-ui/core';
import {
  BusinessProcess,
  DEPENDENCY_EDGE_TYPES,
} from '@waybill/plugin-dependency-map-common';
import { useState } from 'react';
import { shortRef } from '../shared/refs';
import { MultiSelect } from './MultiSelect';
import { SearchResults } from './SearchResults';
import { shownClasses } from './hiddenNodes';
import { ViewParams, ViewParamsUpdate, showParam } from './viewParams';

const KINDS = ['component', 'api', 'resource', 'system', 'domain'];

const useStyles = makeStyles(theme => ({
  controls: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  select: { minWidth: 160, maxWidth: 260 },
}));

interface ControlProps {
  params: ViewParams;
  update: ViewParamsUpdate;
}

/** The business process the view shows, or all. */
function ProcessSelect(props: ControlProps & { processes: BusinessProcess[] }) {
  const classes = useStyles();
  return (
    <FormControl className={classes.select} size="small">
      <InputLabel id="dependency-map-process-label">
        Business process
      </InputLabel>
      <Select
        labelId="dependency-map-process-label"
        id="dependency-map-process"
        value={props.params.process ?? ''}
        onChange={e =>
          props.update({ process: (e.target.value as string) || undefined })
        }
      >
        <MenuItem value="">All processes</MenuItem>
        {props.processes.map(p => (
          <MenuItem key={p.ref} value={p.name}>
            {p.title}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** How far and which way a focused entity's neighbourhood reaches. */
function NeighbourhoodControls({ params, update }: ControlProps) {
  const classes = useStyles();
  return (
    <>
      <Grid item>
        <TextField
          id="dependency-map-depth"
          label="Depth"
          type="number"
          size="small"
          style={{ width: 80 }}
          disabled={!params.entity}
          inputProps={{ min: 0, max: 20 }}
          value={params.depth}
          onChange={e => update({ depth: e.target.value })}
        />
      </Grid>
      <Grid item>
        <FormControl
          className={classes.select}
          size="small"
          disabled={!params.entity}
        >
          <InputLabel id="dependency-map-direction-label">Direction</InputLabel>
          <Select
            labelId="dependency-map-direction-label"
            id="dependency-map-direction"
            value={params.direction}
            onChange={e => update({ direction: e.target.value as string })}
          >
            <MenuItem value="both">Both</MenuItem>
            <MenuItem value="upstream">Upstream (what it needs)</MenuItem>
            <MenuItem value="downstream">Downstream (what needs it)</MenuItem>
          </Select>
        </FormControl>
      </Grid>
    </>
  );
}

/** The kind, type, owner and relation filters. */
function FilterSelects(
  props: ControlProps & { options: { types: string[]; owners: string[] } },
) {
  const { params, update, options } = props;
  const selects: Array<[string, string[], string[] | undefined, string]> = [
    ['Kind', KINDS, params.filter.kinds, 'kind'],
    ['Type', options.types, params.filter.types, 'type'],
    ['Owner', options.owners, params.filter.owners, 'owner'],
    [
      'Relation',
      [...DEPENDENCY_EDGE_TYPES],
      params.filter.relations,
      'relation',
    ],
  ];
  return (
    <>
      {selects.map(([label, choices, value, key]) => (
        <Grid item key={key}>
          <MultiSelect
            label={label}
            options={choices}
            value={value ?? []}
            onChange={next => update({ [key]: next })}
          />
        </Grid>
      ))}
    </>
  );
}

/**
 * Whether tenants and data stores are drawn: off by default, kept in the URL (`show`). Filtering
 * on their type shows them too.
 */
function ShowSwitches({ params, update }: ControlProps) {
  const shown = shownClasses(params);
  const switches: Array<[keyof ViewParams['show'], string, boolean]> = [
    ['tenants', 'Show tenants', shown.tenants],
    ['dataStores', 'Show data stores', shown.dataStores],
  ];
  return (
    <>
      {switches.map(([key, label, checked]) => (
        <Grid item key={key}>
          <FormControlLabel
            label={label}
            control={
              <Switch
                size="small"
                color="primary"
                checked={checked}
                disabled={checked && !params.show[key]}
                onChange={e =>
                  update({
                    show: showParam(params.show, { [key]: e.target.checked }),
                  })
                }
              />
            }
          />
        </Grid>
      ))}
    </>
  );
}

/**
 * The view's controls: business process, search, neighbourhood depth and direction, filters,
 * whether tenants and data stores are shown, and the focus entity, with the search's matches
 * listed below.
 */
export function MapControls(
  props: ControlProps & {
    processes: BusinessProcess[];
    options: { types: string[]; owners: string[] };
    matches?: Set<string>;
    titleOf(ref: string): string | undefined;
    selected?: string;
    onSelect(ref: string): void;
  },
) {
  const classes = useStyles();
  const { params, update } = props;
  const [searchText, setSearchText] = useState(params.search);
  return (
    <Paper className={classes.controls}>
      <Grid container spacing={2} alignItems="flex-end">
        <Grid item>
          <ProcessSelect {...props} />
        </Grid>
        <Grid item>
          <TextField
            id="dependency-map-search"
            label="Search"
            size="small"
            value={searchText}
            placeholder="Title or ref"
            onChange={e => {
              setSearchText(e.target.value);
              update({ q: e.target.value });
            }}
          />
        </Grid>
        <NeighbourhoodControls params={params} update={update} />
        <FilterSelects {...props} />
        <ShowSwitches params={params} update={update} />
        {params.entity && (
          <Grid item>
            <Chip
              label={`Focus: ${
                props.titleOf(params.entity) ?? shortRef(params.entity)
              }`}
              onDelete={() => update({ entity: undefined })}
              color="primary"
            />
          </Grid>
        )}
      </Grid>
      {props.matches && (
        <SearchResults
          matches={props.matches}
          titleOf={props.titleOf}
          selected={props.selected}
          onSelect={props.onSelect}
        />
      )}
    </Paper>
  );
}
