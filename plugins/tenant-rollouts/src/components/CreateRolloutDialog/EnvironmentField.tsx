import { TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';

/** The environments offered; any other lowercase name may be typed. */
const ENVIRONMENTS = ['staging', 'production'];

/** The environment of a new rollout: one offered, or another typed. */
export function EnvironmentField(props: {
  environment: string;
  problem?: string;
  onChange: (environment: string) => void;
}) {
  return (
    <Autocomplete
      id="create-rollout-environment"
      freeSolo
      disableClearable
      options={ENVIRONMENTS}
      value={props.environment}
      onChange={(_, value) => props.onChange(value)}
      inputValue={props.environment}
      onInputChange={(_, value) => props.onChange(value)}
      renderInput={params => (
        <TextField
          {...params}
          label="Environment"
          margin="normal"
          inputProps={{ ...params.inputProps, 'aria-required': true }}
          error={Boolean(props.problem)}
          helperText={props.problem ?? 'Pick one or type another environment'}
        />
      )}
    />
  );
}
