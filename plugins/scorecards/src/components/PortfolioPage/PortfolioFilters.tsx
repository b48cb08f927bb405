import {
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  Grid,
  InputLabel,
  makeStyles,
  MenuItem,
  Select,
} from '@material-ui/core';
import { GRADES, PortfolioFilter } from '@waybill/plugin-scorecards-common';
import { TIERS } from '@waybill/plugin-waybill-common';
import { memo } from 'react';
import { FilterOption, FilterOptions } from './useFilterOptions';

const ANY = '';

const useStyles = makeStyles(theme => ({
  // The labels sit on the page's grey, where the secondary text colour is below WCAG AA's 4.5:1.
  label: { color: theme.palette.textSubtle },
}));
const WIDE = { xs: 12, sm: 6, md: 2 } as const;
const NARROW = { xs: 6, sm: 3, md: 1 } as const;

/**
 * One filter's select in its grid cell, `narrow` for short choices; its id comes from its label
 * (`Business process` is `scorecards-business-process`).
 */
function FilterSelect(props: {
  label: string;
  narrow?: boolean;
  value: string | undefined;
  options: readonly FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const { label, value, options, onChange } = props;
  const id = `scorecards-${label.toLowerCase().replace(/ /g, '-')}`;
  // A value from a shared link that the catalog no longer has still shows.
  const known =
    value === undefined || options.some(o => o.value === value)
      ? options
      : [...options, { value, label: value }];
  return (
    <Grid item {...(props.narrow ? NARROW : WIDE)}>
      <FormControl variant="outlined" size="small" fullWidth>
        <InputLabel id={`${id}-label`} className={classes.label}>
          {label}
        </InputLabel>
        <Select
          labelId={`${id}-label`}
          id={id}
          label={label}
          value={value ?? ANY}
          onChange={e => onChange((e.target.value as string) || undefined)}
        >
          <MenuItem value={ANY}>
            <em>Any</em>
          </MenuItem>
          {known.map(o => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Grid>
  );
}

const plain = (values: readonly string[]): FilterOption[] =>
  values.map(v => ({ value: v, label: v }));

/** The gate filter's choices: every decision of every gated environment. */
const gateOptionsOf = (environments: string[]): FilterOption[] =>
  environments.flatMap(env =>
    (['fail', 'warn', 'pass'] as const).map(decision => ({
      value: `${env}:${decision}`,
      label: `${env}: ${decision}`,
    })),
  );

/**
 * The filters whose choice is the filter's value as is, in their order on the page: the key in
 * the filter, the label and the choices (none until the catalog's have loaded).
 */
const plainFilters = (options: FilterOptions | undefined) =>
  [
    ['owner', 'Owner', options?.owners],
    ['system', 'System', options?.systems],
    ['businessProcess', 'Business process', options?.businessProcesses],
    ['tier', 'Tier', plain(TIERS)],
    ['grade', 'Grade', plain(GRADES)],
  ] as const;

/** A gate choice (`production:fail`) as the filter's gate. */
const gateOf = (value: string | undefined): PortfolioFilter['gate'] => {
  if (!value) return undefined;
  const [environment, decision] = value.split(':');
  return { environment, decision: decision as 'pass' | 'warn' | 'fail' };
};

/** The portfolio's filters; every change goes to the URL through `onChange`. */
export const PortfolioFilters = memo(function PortfolioFiltersContent(props: {
  filter: PortfolioFilter;
  options: FilterOptions | undefined;
  environments: string[];
  onChange: (filter: PortfolioFilter) => void;
}) {
  const { filter, options, environments, onChange } = props;
  const set = (patch: Partial<PortfolioFilter>) =>
    onChange({ ...filter, ...patch });
  const gateValue = filter.gate
    ? `${filter.gate.environment}:${filter.gate.decision}`
    : undefined;
  return (
    <Grid container spacing={2} alignItems="center">
      {plainFilters(options).map(([key, label, choices]) => (
        <FilterSelect
          key={key}
          label={label}
          narrow={key === 'tier' || key === 'grade'}
          value={filter[key]}
          options={choices ?? []}
          onChange={value => set({ [key]: value })}
        />
      ))}
      <FilterSelect
        label="Gate"
        value={gateValue}
        options={gateOptionsOf(environments)}
        onChange={gate => set({ gate: gateOf(gate) })}
      />
      <Grid item {...WIDE}>
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={filter.waived ?? false}
              onChange={e => set({ waived: e.target.checked || undefined })}
            />
          }
          label="Waived only"
        />
      </Grid>
      <Grid item {...WIDE}>
        <Button
          variant="text"
          disabled={Object.keys(filter).length === 0}
          onClick={() => onChange({})}
        >
          Clear filters
        </Button>
      </Grid>
    </Grid>
  );
});
