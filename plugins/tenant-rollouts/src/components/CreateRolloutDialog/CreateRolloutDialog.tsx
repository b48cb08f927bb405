import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  ListItemText,
  MenuItem,
  TextField,
} from '@material-ui/core';
import { Alert, Autocomplete } from '@material-ui/lab';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { strategyPreview } from '../shared/format';

/** The environments offered; any other lowercase name may be typed. */
const ENVIRONMENTS = ['staging', 'production'];
const DEFAULT_ENVIRONMENT = 'production';
/** The choice that names no strategy. */
const SERVICE_OWN = "The service's own";
/** What the backend accepts as an environment name. */
const ENVIRONMENT_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The entity ref as the backend stores it (kind `component` by default), or undefined if it is not one. */
function normalizedEntityRef(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** Why a request failed, without the status line: the backend's message names the problem. */
function reasonOf(error: Error): string {
  return error instanceof ResponseError
    ? error.body.error.message
    : error.message;
}

/** The form itself: mounted while the dialog is open, so every opening starts afresh. */
function CreateRolloutForm(props: {
  onClose: () => void;
  onCreated: (view: RolloutView) => void;
  entityRef?: string;
}) {
  const api = useApi(tenantRolloutsApiRef);
  const strategies = useAsync(() => api.listStrategies(), [api]);
  const [entityRef, setEntityRef] = useState(props.entityRef ?? '');
  const [version, setVersion] = useState('');
  const [environment, setEnvironment] = useState(DEFAULT_ENVIRONMENT);
  const [chosenStrategy, setChosenStrategy] = useState<string>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  // No strategy named: the backend takes the service's own strategy file, else `default`.
  const strategy = chosenStrategy || undefined;
  const selected = strategies.value?.find(
    s => s.name === (strategy ?? 'default'),
  );
  const ref = normalizedEntityRef(entityRef);
  const entityProblem =
    entityRef.trim() && !ref
      ? 'Not an entity ref; write it as component:default/sales'
      : undefined;
  const environmentProblem = ENVIRONMENT_PATTERN.test(environment)
    ? undefined
    : 'Lowercase letters, digits and dashes, e.g. production';
  const complete = Boolean(ref) && version.trim() !== '' && !environmentProblem;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ref || !complete) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const view = await api.createRollout({
        entityRef: ref,
        version: version.trim(),
        environment,
        ...(strategy ? { strategy } : {}),
      });
      props.onCreated(view);
    } catch (e) {
      setError(reasonOf(e as Error));
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle id="create-rollout-title">New rollout</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Plans the release over every tenant whose <code>spec.dependsOn</code>{' '}
          names the entity, in the strategy's waves. The rollout starts planned;
          nothing is deployed until it is started on its board.
        </DialogContentText>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <TextField
          id="create-rollout-entity"
          label="Entity"
          fullWidth
          margin="normal"
          value={entityRef}
          onChange={e => setEntityRef(e.target.value)}
          InputProps={{ readOnly: Boolean(props.entityRef) }}
          inputProps={{ 'aria-required': true }}
          error={Boolean(entityProblem)}
          helperText={
            entityProblem ??
            'The released component, e.g. component:default/sales'
          }
        />
        <TextField
          id="create-rollout-version"
          label="Version"
          fullWidth
          margin="normal"
          value={version}
          onChange={e => setVersion(e.target.value)}
          helperText="The release to deploy, e.g. 7.4.0"
          inputProps={{ maxLength: 255, 'aria-required': true }}
        />
        <Autocomplete
          id="create-rollout-environment"
          freeSolo
          disableClearable
          options={ENVIRONMENTS}
          value={environment}
          onChange={(_, value) => setEnvironment(value)}
          inputValue={environment}
          onInputChange={(_, value) => setEnvironment(value)}
          renderInput={params => (
            <TextField
              {...params}
              label="Environment"
              margin="normal"
              inputProps={{ ...params.inputProps, 'aria-required': true }}
              error={Boolean(environmentProblem)}
              helperText={
                environmentProblem ?? 'Pick one or type another environment'
              }
            />
          )}
        />
        {strategies.error ? (
          <Alert severity="warning">
            The strategies could not be loaded ({reasonOf(strategies.error)});
            the rollout will use the default strategy.
          </Alert>
        ) : (
          <TextField
            id="create-rollout-strategy"
            select
            label="Strategy"
            fullWidth
            margin="normal"
            value={strategy ?? ''}
            onChange={e => setChosenStrategy(e.target.value)}
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
                      : "The file the service's waybill.dev/rollout-strategy annotation names; without one, default: "
                  }${strategyPreview(selected.strategy)}`
                : 'Loading the configured strategies…'
            }
          >
            <MenuItem value="">
              <ListItemText
                primary={SERVICE_OWN}
                secondary="waybill.dev/rollout-strategy, else default"
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
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={submitting}>
          Cancel
        </Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={submitting || !complete}
        >
          Create rollout
        </Button>
      </DialogActions>
    </form>
  );
}

/**
 * Plans a rollout of a release over the tenants that depend on an entity. With `entityRef` the
 * entity is fixed (an entity's tab); otherwise it is typed. The backend's refusal (e.g. no tenant
 * depends on the entity) is shown in the dialog.
 */
export function CreateRolloutDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (view: RolloutView) => void;
  entityRef?: string;
}) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby="create-rollout-title"
      fullWidth
      maxWidth="sm"
    >
      <CreateRolloutForm
        onClose={props.onClose}
        onCreated={props.onCreated}
        entityRef={props.entityRef}
      />
    </Dialog>
  );
}
