import {
  Button,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
} from '@material-ui/core';
import { GRADES, PortfolioFilter } from '@waybill/plugin-scorecards-common';
import { TIERS } from '@waybill/plugin-waybill-common';
import { memo } from 'react';
import { FilterOption, FilterOptions } from './useFilterOptions';

const ANY = '';

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, value, options, onChange } = props;
  // A value from a shared link that the catalog no longer has still shows.
  const known =
    value === undefined || options.some(o => o.value === value)
      ? options
      : [...options, { value, label: value }];
  return (
    <FormControl variant="outlined" size="small" fullWidth>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
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
      <Grid item xs={12} sm={6} md={2}>
        <FilterSelect
          id="scorecards-owner"
          label="Owner"
          value={filter.owner}
          options={options?.owners ?? []}
          onChange={owner => set({ owner })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <FilterSelect
          id="scorecards-system"
          label="System"
          value={filter.system}
          options={options?.systems ?? []}
          onChange={system => set({ system })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <FilterSelect
          id="scorecards-business-process"
          label="Business process"
          value={filter.businessProcess}
          options={options?.businessProcesses ?? []}
          onChange={businessProcess => set({ businessProcess })}
        />
      </Grid>
      <Grid item xs={6} sm={3} md={1}>
        <FilterSelect
          id="scorecards-tier"
          label="Tier"
          value={filter.tier}
          options={plain(TIERS)}
          onChange={tier => set({ tier: tier as PortfolioFilter['tier'] })}
        />
      </Grid>
      <Grid item xs={6} sm={3} md={1}>
        <FilterSelect
          id="scorecards-grade"
          label="Grade"
          value={filter.grade}
          options={plain(GRADES)}
          onChange={grade => set({ grade })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <FilterSelect
          id="scorecards-gate"
          label="Gate"
          value={gateValue}
          options={gateOptionsOf(environments)}
          onChange={gate => set({ gate: gateOf(gate) })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
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
