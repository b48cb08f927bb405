import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { NewRolloutButton } from '../CreateRolloutDialog';
import { NoRolloutsHint } from '../RolloutsPage/NoRolloutsHint';
import { RECENT_ROLLOUTS, RolloutsTable } from '../RolloutsPage/RolloutsTable';

/** A component's rollouts tab: its recent rollouts, each linking to its board, and "New rollout" for it. */
export function EntityRolloutsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(tenantRolloutsApiRef);
  const rollouts = useAsync(
    () => api.listRollouts({ entityRef, limit: RECENT_ROLLOUTS }),
    [api, entityRef],
  );

  let body;
  if (rollouts.error) {
    body = <ResponseErrorPanel error={rollouts.error} />;
  } else if (!rollouts.value) {
    body = <Progress />;
  } else if (rollouts.value.length === 0) {
    body = <NoRolloutsHint entityRef={entityRef} />;
  } else {
    body = <RolloutsTable rollouts={rollouts.value} />;
  }

  return (
    <InfoCard
      title="Rollouts"
      subheader="Newest first; each opens its board"
      action={
        <Box mt={1} mr={1}>
          <NewRolloutButton entityRef={entityRef} />
        </Box>
      }
    >
      {body}
    </InfoCard>
  );
}
