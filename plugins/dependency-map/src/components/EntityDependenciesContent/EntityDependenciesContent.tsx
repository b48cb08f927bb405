import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import { normalizeEntityRef } from '@waybill/plugin-waybill-common';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { BlastRadius } from './BlastRadius';
import { DeployOrderCard } from './DeployOrderCard';
import { NeighbourTables } from './NeighbourTables';
import { neighbours } from './neighbours';

/**
 * The dependencies tab of a component: what it needs, what needs it, the blast radius of
 * changing it (business processes and tenants affected) and its place in the deploy order.
 */
export function EntityDependenciesContent() {
  const { entity } = useEntity();
  const api = useApi(dependencyMapApiRef);
  const entityRef = normalizeEntityRef(entity);

  const data = useAsync(async () => {
    const [upstream, downstream, impact, order] = await Promise.all([
      api.getNeighbourhood({ entityRef, depth: 1, direction: 'upstream' }),
      api.getNeighbourhood({ entityRef, depth: 1, direction: 'downstream' }),
      api.getImpact({ entityRef }),
      api.getDeployOrder(),
    ]);
    return { upstream, downstream, impact, order };
  }, [api, entityRef]);

  if (data.loading) return <Progress />;
  if (data.error) return <ResponseErrorPanel error={data.error} />;
  const { upstream, downstream, impact, order } = data.value!;
  const title = entity.metadata.title ?? entity.metadata.name;
  const upstreamRows = neighbours(upstream, 'upstream');
  const downstreamRows = neighbours(downstream, 'downstream');

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <DeployOrderCard
          title={title}
          order={order}
          entityRef={entityRef}
          upstreamRefs={new Set(upstreamRows.map(r => r.ref))}
        />
      </Grid>
      <NeighbourTables
        title={title}
        upstream={upstreamRows}
        downstream={downstreamRows}
      />
      <BlastRadius title={title} impact={impact} />
    </Grid>
  );
}
