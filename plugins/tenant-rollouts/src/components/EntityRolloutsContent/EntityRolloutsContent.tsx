import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box } from '@material-ui/core';
import { NewRolloutButton } from '../CreateRolloutDialog';
import { RecentRollouts } from '../RolloutsPage/RecentRollouts';

/** A component's rollouts tab: its recent rollouts, each linking to its board, and "New rollout" for it. */
export function EntityRolloutsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
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
      <RecentRollouts entityRef={entityRef} />
    </InfoCard>
  );
}
