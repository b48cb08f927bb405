import {
  Content,
  ContentHeader,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Paper } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { NewRolloutButton } from '../CreateRolloutDialog';
import { NoRolloutsHint } from './NoRolloutsHint';
import { RECENT_ROLLOUTS, RolloutsTable } from './RolloutsTable';
import { RolloutsHeader } from './RolloutsHeader';

/** The recent rollouts of every service, each linking to its board, and "New rollout". */
export function RolloutsPage() {
  const api = useApi(tenantRolloutsApiRef);
  const rollouts = useAsync(
    () => api.listRollouts({ limit: RECENT_ROLLOUTS }),
    [api],
  );

  let body;
  if (rollouts.error) {
    body = <ResponseErrorPanel error={rollouts.error} />;
  } else if (!rollouts.value) {
    body = <Progress />;
  } else if (rollouts.value.length === 0) {
    body = <NoRolloutsHint />;
  } else {
    body = (
      <Paper>
        <RolloutsTable rollouts={rollouts.value} showEntity />
      </Paper>
    );
  }

  return (
    <Page themeId="tool">
      <RolloutsHeader selected="rollouts" />
      <Content>
        <ContentHeader title="Recent rollouts">
          <NewRolloutButton />
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
}
