import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';

const DEFAULT_ENVIRONMENT = 'production';
/** What the backend accepts as an environment name. */
const ENVIRONMENT_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Why a request failed, without the status line: the backend's message names the problem. */
export function reasonOf(error: Error): string {
  return error instanceof ResponseError
    ? error.body.error.message
    : error.message;
}

/** The new-rollout form's state, its checks and its submission. */
export function useCreateRolloutForm(props: {
  onCreated: (view: RolloutView) => void;
  entityRef?: string;
}) {
  const api = useApi(tenantRolloutsApiRef);
  const strategies = useAsync(() => api.listStrategies(), [api]);
  const [entityRef, setEntityRef] = useState(props.entityRef ?? '');
  const [version, setVersion] = useState('');
  // Another entity has other releases: the version picked for the last one goes.
  const pickEntity = (picked: string) => {
    setEntityRef(picked);
    setVersion('');
  };
  const [environment, setEnvironment] = useState(DEFAULT_ENVIRONMENT);
  const [chosenStrategy, setChosenStrategy] = useState<string>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  // No strategy named: the backend takes the service's own strategy file, else `default`.
  const strategy = chosenStrategy || undefined;
  const selected = strategies.value?.find(
    s => s.name === (strategy ?? 'default'),
  );
  // The entity ref as the backend stores it (kind `component` by default).
  const ref = tryNormalizeEntityRef(entityRef, {
    defaultKind: 'component',
    defaultNamespace: 'default',
  });
  const entityProblem =
    entityRef.trim() && !ref
      ? 'Not an entity ref; write it as component:default/sales'
      : undefined;
  const environmentProblem = ENVIRONMENT_PATTERN.test(environment)
    ? undefined
    : 'Lowercase letters, digits and dashes, e.g. production';
  const complete = Boolean(ref) && version.trim() !== '' && !environmentProblem;

  const submit = async () => {
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

  return {
    strategies,
    entityRef,
    /** The normalized ref, once the entity is a valid one. */
    ref,
    setEntityRef,
    pickEntity,
    version,
    setVersion,
    environment,
    setEnvironment,
    strategy,
    setChosenStrategy,
    selected,
    entityProblem,
    environmentProblem,
    complete,
    error,
    submitting,
    submit,
  };
}
