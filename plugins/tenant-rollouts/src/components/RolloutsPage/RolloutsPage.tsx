import { Content, ContentHeader, Page } from '@backstage/core-components';
import { NewRolloutButton } from '../CreateRolloutDialog';
import { RecentRollouts } from './RecentRollouts';
import { RolloutsHeader } from './RolloutsHeader';

/** The recent rollouts of every service, each linking to its board, and "New rollout". */
export function RolloutsPage() {
  return (
    <Page themeId="tool">
      <RolloutsHeader selected="rollouts" />
      <Content>
        <ContentHeader title="Recent rollouts">
          <NewRolloutButton />
        </ContentHeader>
        <RecentRollouts />
      </Content>
    </Page>
  );
}
