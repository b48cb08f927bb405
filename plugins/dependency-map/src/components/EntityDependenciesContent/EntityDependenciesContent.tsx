import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  DependencyNeighbourhood,
  ImpactedBusinessProcess,
  ImpactedEntity,
  ImpactedTenant,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { EntityRefLink } from '../shared/EntityRefLink';

interface Neighbour {
  ref: string;
  title: string;
  kind: string;
  type?: string;
  relations: string[];
}

/** The direct neighbours of the focus, with the relations that join them. */
function neighbours(
  view: DependencyNeighbourhood,
  direction: 'upstream' | 'downstream',
): Neighbour[] {
  const byRef = new Map<string, SubgraphNode>(view.nodes.map(n => [n.ref, n]));
  const result = new Map<string, Neighbour>();
  for (const edge of view.edges) {
    let other: string | undefined;
    if (direction === 'upstream' && edge.source === view.entityRef) {
      other = edge.target;
    } else if (direction === 'downstream' && edge.target === view.entityRef) {
      other = edge.source;
    }
    if (!other || other === view.entityRef || edge.type === 'partOf') continue;
    const node = byRef.get(other);
    const entry = result.get(other) ?? {
      ref: other,
      title: node?.title ?? other,
      kind: node?.kind ?? '',
      type: node?.type,
      relations: [],
    };
    if (!entry.relations.includes(edge.type)) entry.relations.push(edge.type);
    result.set(other, entry);
  }
  return [...result.values()].sort((a, b) => a.title.localeCompare(b.title));
}

const neighbourColumns: TableColumn<Neighbour>[] = [
  {
    title: 'Entity',
    field: 'title',
    render: row => <EntityRefLink entityRef={row.ref} title={row.title} />,
  },
  { title: 'Type', render: row => row.type ?? row.kind },
  { title: 'Relation', render: row => row.relations.join(', ') },
];

const processColumns: TableColumn<ImpactedBusinessProcess>[] = [
  { title: 'Business process', field: 'title' },
  { title: 'Criticality', render: row => row.criticality ?? '' },
  { title: 'Entities affected', render: row => row.entityRefs.length },
  {
    title: 'Nearest',
    render: row => `${row.distance} hop${row.distance === 1 ? '' : 's'}`,
  },
];

const affectedColumns: TableColumn<ImpactedEntity>[] = [
  {
    title: 'Entity',
    field: 'title',
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title} />
    ),
  },
  { title: 'Type', render: row => row.type ?? row.kind },
  { title: 'Distance', field: 'distance' },
  { title: 'Via', render: row => row.via },
];

const tenantColumns: TableColumn<ImpactedTenant>[] = [
  { title: 'Tenant', field: 'title' },
  {
    title: 'Segment / region / tier',
    render: row =>
      [row.labels.segment, row.labels.region, row.labels.tier]
        .filter(Boolean)
        .join(' / '),
  },
  { title: 'Served by', render: row => row.servedBy.join(', ') },
];

/**
 * The dependencies tab of a component: what it needs, what needs it, the blast radius of
 * changing it (business processes and tenants affected) and its place in the deploy order.
 */
export function EntityDependenciesContent() {
  const { entity } = useEntity();
  const api = useApi(dependencyMapApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');

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

  const wave = order.waves.find(w => w.entityRefs.includes(entityRef));
  const blockers = order.blockers.filter(b => b.entityRefs.includes(entityRef));
  const before = wave
    ? order.waves.slice(0, wave.index).flatMap(w => w.entityRefs)
    : [];
  const upstreamRows = neighbours(upstream, 'upstream');
  const downstreamRows = neighbours(downstream, 'downstream');
  const upstreamRefs = new Set(upstreamRows.map(r => r.ref));
  const mustPrecede = before.filter(ref => upstreamRefs.has(ref));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Deploy order">
          {wave ? (
            <>
              <Typography variant="h5" component="p">
                Wave {wave.index + 1} of {order.waves.length}
              </Typography>
              <Typography variant="body2" paragraph>
                {wave.index === 0
                  ? `${title} goes out in the first wave: it needs nothing deployed before it.`
                  : `${before.length} deployables go out in earlier waves${
                      mustPrecede.length > 0
                        ? `, among them what ${title} needs directly: ${mustPrecede.join(
                            ', ',
                          )}`
                        : ''
                    }. ${wave.entityRefs.length - 1} others share its wave.`}
              </Typography>
            </>
          ) : (
            <Typography variant="body2" paragraph>
              {title} is not deployed on its own, so it has no wave: it goes out
              with its provider.
            </Typography>
          )}
          {blockers.map((b, i) => (
            <Alert key={i} severity="warning">
              Cycle: {b.entityRefs.join(' ⇄ ')}. {b.message}
            </Alert>
          ))}
          <Box mt={1}>
            <Button
              size="small"
              variant="outlined"
              component={RouterLink}
              to={`${rootLink()}?entity=${encodeURIComponent(entityRef)}`}
            >
              Open in the dependency map
            </Button>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title={`Upstream: what ${title} needs (${upstreamRows.length})`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={neighbourColumns}
          data={upstreamRows}
          emptyContent={
            <Box p={2}>It needs nothing in the dependency map.</Box>
          }
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title={`Downstream: what needs ${title} (${downstreamRows.length})`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={neighbourColumns}
          data={downstreamRows}
          emptyContent={<Box p={2}>Nothing depends on it.</Box>}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Blast radius">
          <Typography variant="body1" aria-label="Blast radius summary">
            Changing {title} affects {impact.affected.length}{' '}
            {impact.affected.length === 1 ? 'entity' : 'entities'},{' '}
            {impact.businessProcesses.length} business{' '}
            {impact.businessProcesses.length === 1 ? 'process' : 'processes'}{' '}
            and {impact.tenants.length}{' '}
            {impact.tenants.length === 1 ? 'tenant' : 'tenants'}.
          </Typography>
          {impact.truncated && (
            <Alert severity="info">
              The search stopped at its depth limit.
            </Alert>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title="Business processes affected"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={processColumns}
          data={impact.businessProcesses}
          emptyContent={<Box p={2}>No business process is affected.</Box>}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title="Affected entities"
          options={{
            paging: impact.affected.length > 20,
            pageSize: 20,
            search: false,
            padding: 'dense',
          }}
          columns={affectedColumns}
          data={impact.affected}
          emptyContent={<Box p={2}>Nothing depends on it.</Box>}
        />
      </Grid>
      <Grid item xs={12}>
        <Table
          title={`Tenants affected (${impact.tenants.length})`}
          options={{
            paging: impact.tenants.length > 20,
            pageSize: 20,
            search: true,
            padding: 'dense',
          }}
          columns={tenantColumns}
          data={impact.tenants}
          emptyContent={<Box p={2}>No tenant is affected.</Box>}
        />
      </Grid>
    </Grid>
  );
}
