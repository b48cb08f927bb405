import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box } from '@material-ui/core';
import { ENTITY_TABS } from '@waybill/plugin-waybill-common';
import { useSearchParams } from 'react-router-dom';
import { NewRolloutButton } from '../CreateRolloutDialog';
import { RecentRollouts } from '../RolloutsPage/RecentRollouts';

/**
 * A component's rollouts tab: its recent rollouts, each linking to its board, and "New rollout"
 * for it. Opened on one release (`?version=`, as a scorecard links to its release's rollouts), it
 * lists that version's rollouts, with a way back to all of them.
 */
export function EntityRolloutsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [params] = useSearchParams();
  const version = params.get(ENTITY_TABS.rollouts.releaseParam) || undefined;
  return (
    <InfoCard
      title={version ? `Rollouts of ${version}` : 'Rollouts'}
      subheader={
        version ? (
          <>
            Newest first; each opens its board.{' '}
            <Link to=".">Show every version</Link>
          </>
        ) : (
          'Newest first; each opens its board'
        )
      }
      action={
        <Box mt={1} mr={1}>
          <NewRolloutButton entityRef={entityRef} />
        </Box>
      }
    >
      <RecentRollouts entityRef={entityRef} version={version} />
    </InfoCard>
  );
}
