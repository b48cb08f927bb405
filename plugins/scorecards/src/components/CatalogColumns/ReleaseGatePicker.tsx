import {
  DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { useEffect, useMemo, useState } from 'react';
import {
  RELEASE_GATE_LABELS,
  RELEASE_GATE_STATES,
  ReleaseGateState,
  gateStateOf,
  isReleaseGateState,
} from './catalogReleases';
import { ReleaseGateFilter } from './ReleaseGateFilter';
import { useCatalogReleases } from './useCatalogReleases';

/** The catalog's filters with this one, under the key it keeps in the URL (`filters[releaseGate]`). */
export type ReleaseGateFilters = DefaultEntityFilters & {
  releaseGate?: ReleaseGateFilter;
};

const useStyles = makeStyles(theme => ({
  legend: {
    ...theme.typography.button,
    textTransform: 'none',
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.primary,
    '&.Mui-focused': { color: theme.palette.text.primary },
  },
  note: { color: theme.palette.text.secondary },
}));

/** Whether the catalog lists components (its kind picker's default), whose releases are scored. */
function listsComponents(filters: ReleaseGateFilters): boolean {
  const kind = filters.kind?.value;
  return kind === undefined || kind.toLowerCase() === 'component';
}

/**
 * The catalog sidebar's "Release gate" filter: the components whose latest release is blocked,
 * warns or passes, or that have no scored release. The choice is kept in the URL like the
 * catalog's own filters; it applies once the portfolio is read, and only to components.
 */
export function ReleaseGatePicker() {
  const classes = useStyles();
  const { filters, updateFilters, queryParameters } =
    useEntityList<ReleaseGateFilters>();
  const { releases, error } = useCatalogReleases();
  const fromUrl = useMemo(
    () => [queryParameters.releaseGate].flat().filter(isReleaseGateState),
    [queryParameters.releaseGate],
  );
  const [selected, setSelected] = useState<ReleaseGateState[]>(() =>
    fromUrl.length > 0 ? fromUrl : filters.releaseGate?.values ?? [],
  );
  useEffect(() => {
    if (fromUrl.length > 0) setSelected(fromUrl);
  }, [fromUrl]);

  const applies = listsComponents(filters);
  useEffect(() => {
    updateFilters({
      releaseGate:
        applies && releases && selected.length > 0
          ? new ReleaseGateFilter(selected, releases)
          : undefined,
    });
  }, [applies, releases, selected, updateFilters]);

  // "Not evaluated" (a scored release without gates) is offered only when there is one.
  const options = useMemo(
    () =>
      RELEASE_GATE_STATES.filter(
        state =>
          state !== 'unevaluated' ||
          selected.includes(state) ||
          [...(releases?.values() ?? [])].some(
            release => gateStateOf(release) === 'unevaluated',
          ),
      ),
    [releases, selected],
  );

  if (!applies) return null;
  const toggle = (state: ReleaseGateState, checked: boolean) =>
    setSelected(current =>
      checked
        ? RELEASE_GATE_STATES.filter(s => s === state || current.includes(s))
        : current.filter(s => s !== state),
    );
  return (
    <Box pb={1} pt={1}>
      <FormControl component="fieldset" disabled={!releases}>
        <FormLabel component="legend" className={classes.legend}>
          Release gate
        </FormLabel>
        <FormGroup>
          {options.map(state => (
            <FormControlLabel
              key={state}
              label={RELEASE_GATE_LABELS[state]}
              control={
                <Checkbox
                  size="small"
                  checked={selected.includes(state)}
                  onChange={event => toggle(state, event.target.checked)}
                  name={state}
                />
              }
            />
          ))}
        </FormGroup>
        {error && (
          <Typography variant="caption" className={classes.note}>
            Scorecards unavailable: {error.message}
          </Typography>
        )}
      </FormControl>
    </Box>
  );
}
