import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid } from '@material-ui/core';
import type {
  ReleaseTrainChange,
  ReleaseTrainPlan,
} from '@waybill/plugin-dependency-map-common';
import { TENANT_TYPE } from '@waybill/plugin-waybill-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dependencyMapApiRef } from '../../api';
import { PluginPage } from '../shared/PluginPage';
import { ChangesForm } from './ChangesForm';
import { PlannedTrain, PlanView } from './PlanView';
import { rejectedByRow } from './rejectedRows';
import { useReleaseTrainChanges } from './useReleaseTrainChanges';
import { Hint } from '../shared/Hint';

/**
 * The release-train planner: entities and versions in, the safe order out (sequence, stages),
 * with what blocks it and each release's gate, exported as JSON or as a Markdown change record,
 * and the rollouts started in that order. A change that cannot be planned is marked on its row;
 * the others are planned.
 */
export function ReleaseTrainPage() {
  const api = useApi(dependencyMapApiRef);
  const train = useReleaseTrainChanges();
  const [planned, setPlanned] = useState<PlannedTrain | undefined>();

  // Entities to pick from: the deployables and APIs of the estate.
  const known = useAsync(async () => {
    const estate = await api.getEstate({
      kinds: ['component', 'api', 'resource'],
      maxNodes: 10000,
    });
    return estate.nodes.filter(n => n.type !== TENANT_TYPE);
  }, [api]);

  const [plan, runPlan] = useAsyncFn(
    async (changes: ReleaseTrainChange[]): Promise<ReleaseTrainPlan> =>
      api.planReleaseTrain({ changes }),
    [api],
  );

  const submit = () => {
    setPlanned({
      changes: train.changes,
      rowKeys: train.changeKeys,
      at: new Date(),
    });
    runPlan(train.changes);
  };

  // The rows of the changes the plan could not plan, while they still read as planned.
  const rejectedRows = useMemo(
    () => rejectedByRow(plan.loading ? undefined : plan.value, planned),
    [plan.loading, plan.value, planned],
  );

  return (
    <PluginPage
      title="Release-train planner"
      subtitle="Pick the changes; get the safe order, the deploy stages and what blocks them"
      heading="Release train"
      link={{ label: 'Back to the dependency map' }}
    >
      <Grid container spacing={2}>
        <Grid item xs={12} md={5}>
          <ChangesForm
            train={train}
            known={known.value ?? []}
            planning={plan.loading}
            rejected={rejectedRows}
            onPlan={submit}
          />
        </Grid>
        <Grid item xs={12} md={7}>
          {plan.loading && <Progress />}
          {plan.error && <ResponseErrorPanel error={plan.error} />}
          {!plan.loading && !plan.error && !plan.value && (
            <Hint variant="body1">
              Add changes and plan the train to see the safe order.
            </Hint>
          )}
          {plan.value && planned && !plan.loading && (
            <PlanView
              key={planned.at.getTime()}
              plan={plan.value}
              planned={planned}
            />
          )}
        </Grid>
      </Grid>
    </PluginPage>
  );
}
