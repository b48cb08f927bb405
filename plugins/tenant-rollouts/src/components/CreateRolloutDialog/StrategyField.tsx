import { ListItemText, MenuItem, TextField } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { NamedStrategy } from '@waybill/plugin-tenant-rollouts-common';
import { WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';
import { strategyPreview } from '../shared/format';
import { reasonOf } from './useCreateRolloutForm';

/** The choice that names no strategy. */
const SERVICE_OWN = "The service's own";

/** The strategy of a new rollout: the service's own, or a configured one. */
export function StrategyField(props: {
  strategies: { value?: NamedStrategy[]; error?: Error };
  /** The strategy named; undefined for the service's own. */
  strategy?: string;
  /** The strategy that will be used when known (`default` for the service's own). */
  selected?: NamedStrategy;
  onChange: (name: string) => void;
}) {
  const { strategies, strategy, selected } = props;
  if (strategies.error) {
    return (
      <Alert severity="warning">
        The strategies could not be loaded ({reasonOf(strategies.error)}); the
        rollout will use the default strategy.
      </Alert>
    );
  }
  return (
    <TextField
      id="create-rollout-strategy"
      select
      label="Strategy"
      fullWidth
      margin="normal"
      value={strategy ?? ''}
      onChange={e => props.onChange(e.target.value)}
      disabled={!strategies.value}
      SelectProps={{
        displayEmpty: true,
        renderValue: value => (value as string) || SERVICE_OWN,
      }}
      InputLabelProps={{ shrink: true }}
      helperText={
        selected
          ? `${
              strategy
                ? ''
                : `The file the service's ${WAYBILL_ANNOTATIONS.rolloutStrategy} annotation names; without one, default: `
            }${strategyPreview(selected.strategy)}`
          : 'Loading the configured strategies…'
      }
    >
      <MenuItem value="">
        <ListItemText
          primary={SERVICE_OWN}
          secondary={`${WAYBILL_ANNOTATIONS.rolloutStrategy}, else default`}
        />
      </MenuItem>
      {(strategies.value ?? []).map(s => (
        <MenuItem key={s.name} value={s.name}>
          <ListItemText
            primary={s.name}
            secondary={strategyPreview(s.strategy)}
          />
        </MenuItem>
      ))}
    </TextField>
  );
}
