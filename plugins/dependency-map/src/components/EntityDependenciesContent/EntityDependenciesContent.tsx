import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import { normalizeEntityRef } from '@waybill/plugin-waybill-common';
import { useCallback, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { useEntityTitles } from '../shared/useEntityTitles';
import { BlastRadius } from './BlastRadius';
import { DeployOrderCard } from './DeployOrderCard';
import { NeighbourTables } from './NeighbourTables';
import { neighbours } from './neighbours';

/** The tab's data: direct neighbours both ways, the blast radius and the estate's deploy order. */
function useEntityDependencies(entityRef: string) {
  const api = useApi(dependencyMapApiRef);
  const data = useAsync(async () => {
    const [upstream, downstream, impact, order] = await Promise.all([
      api.getNeighbourhood({ entityRef, depth: 1, direction: 'upstream' }),
      api.getNeighbourhood({ entityRef, depth: 1, direction: 'downstream' }),
      api.getImpact({ entityRef }),
      api.getDeployOrder(),
    ]);
    return { upstream, downstream, impact, order };
  }, [api, entityRef]);
  // Every ref the tab names by title: what the neighbourhoods hold, and the cycles it is in.
  const known = useMemo(
    () =>
      new Map(
        [
          ...(data.value?.upstream.nodes ?? []),
          ...(data.value?.downstream.nodes ?? []),
        ].map(n => [n.ref, n.title]),
      ),
    [data.value],
  );
  const cycleRefs = useMemo(
    () =>
      (data.value?.order.blockers ?? [])
        .filter(b => b.entityRefs.includes(entityRef))
        .flatMap(b => b.entityRefs),
    [data.value, entityRef],
  );
  const titles = useEntityTitles(
    cycleRefs,
    useCallback((ref: string) => known.get(ref), [known]),
  );
  return { data, titles };
}

/**
 * The dependencies tab of a component: what it needs, what needs it (real consumers first, its
 * tenants summed up), the blast radius of changing it (business processes and tenants affected)
 * and its place in the deploy order.
 */
export function EntityDependenciesContent() {
  const { entity } = useEntity();
  const entityRef = normalizeEntityRef(entity);
  const { data, titles } = useEntityDependencies(entityRef);

  if (data.loading || titles.loading) return <Progress />;
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
          titleOf={titles.titleOf}
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
