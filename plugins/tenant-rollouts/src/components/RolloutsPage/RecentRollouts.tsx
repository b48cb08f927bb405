import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Paper } from '@material-ui/core';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  ROLLOUTS_CHANNEL,
  RolloutSignal,
} from '@waybill/plugin-tenant-rollouts-common';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { NoRolloutsHint } from './NoRolloutsHint';
import { RECENT_ROLLOUTS, RolloutsTable } from './RolloutsTable';

/**
 * The recent rollouts of `entityRef` (of its `version` when given), or of every service without
 * it: loading, the error, how
 * tenants come to be rolled out to when there are none, else the table. Every service's table
 * names each rollout's entity and stands on its own paper; one entity's sits in its card. It
 * is read again whenever a rollout is created or changes (the rollouts signal).
 */
export function RecentRollouts(props: {
  entityRef?: string;
  version?: string;
}) {
  const { entityRef, version } = props;
  const api = useApi(tenantRolloutsApiRef);
  const { lastSignal } = useSignal<RolloutSignal>(ROLLOUTS_CHANNEL);
  const rollouts = useAsync(
    () => api.listRollouts({ entityRef, version, limit: RECENT_ROLLOUTS }),
    [api, entityRef, version, lastSignal],
  );

  if (rollouts.error) {
    return <ResponseErrorPanel error={rollouts.error} />;
  }
  if (!rollouts.value) {
    return <Progress />;
  }
  if (rollouts.value.length === 0) {
    return <NoRolloutsHint entityRef={entityRef} />;
  }
  if (entityRef) {
    return <RolloutsTable rollouts={rollouts.value} />;
  }
  return (
    <Paper>
      <RolloutsTable rollouts={rollouts.value} showEntity />
    </Paper>
  );
}
