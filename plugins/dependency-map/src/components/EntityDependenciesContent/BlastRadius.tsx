import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { Box, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  ImpactResponse,
  ImpactedEntity,
  ImpactedTenant,
} from '@waybill/plugin-dependency-map-common';
import { EntityRefLink } from '../shared/EntityRefLink';

/** A business process the change reaches, with its affected entities counted (only the nearest listed). */
type AffectedProcess = ImpactResponse['businessProcesses'][number];

const processColumns: TableColumn<AffectedProcess>[] = [
  { title: 'Business process', field: 'title' },
  { title: 'Criticality', render: row => row.criticality ?? '' },
  { title: 'Entities affected', render: row => row.entityCount },
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
 * A dense table's options that page its `rows` by 20 once there are more. The rows keep the
 * impact's order (nearest first) and the headers are plain: a sortable header is a button
 * inside the header cell, which screen readers meet as nested controls (axe nested-interactive).
 */
const pagedOptions = (rows: unknown[], options: { search: boolean }) => ({
  paging: rows.length > 20,
  pageSize: 20,
  search: options.search,
  sorting: false,
  padding: 'dense' as const,
});

/** How much changing the entity reaches: entities, business processes and tenants. */
function BlastRadiusSummary(props: { title: string; impact: ImpactResponse }) {
  const { title, impact } = props;
  const shown = impact.offset + impact.affected.length;
  return (
    <InfoCard title="Blast radius">
      <Typography variant="body1" aria-label="Blast radius summary">
        Changing {title} affects {impact.total}{' '}
        {impact.total === 1 ? 'entity' : 'entities'},{' '}
        {impact.businessProcesses.length} business{' '}
        {impact.businessProcesses.length === 1 ? 'process' : 'processes'} and{' '}
        {impact.tenantCount} {impact.tenantCount === 1 ? 'tenant' : 'tenants'}.
      </Typography>
      {(impact.truncated || impact.offset > 0) && (
        <Alert severity="info" aria-label="Affected entities shown">
          Showing {impact.offset > 0 ? `${impact.offset + 1} to ` : ''}
          {shown} of {impact.total} affected entities, nearest first.
        </Alert>
      )}
      {impact.depthTruncated && (
        <Alert severity="info">The search stopped at its depth limit.</Alert>
      )}
    </InfoCard>
  );
}

/** The tenants table's title, saying when it lists only the nearest. */
function tenantsTitle(impact: ImpactResponse): string {
  return impact.tenants.length < impact.tenantCount
    ? `Tenants affected (showing ${impact.tenants.length} of ${impact.tenantCount})`
    : `Tenants affected (${impact.tenantCount})`;
}

/** The blast radius of changing the entity, summed up and listed. */
export function BlastRadius(props: { title: string; impact: ImpactResponse }) {
  const { impact } = props;
  return (
    <>
      <Grid item xs={12}>
        <BlastRadiusSummary {...props} />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title="Business processes affected"
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
          }}
          columns={processColumns}
          data={impact.businessProcesses}
          emptyContent={<Box p={2}>No business process is affected.</Box>}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title="Affected entities"
          options={pagedOptions(impact.affected, { search: false })}
          columns={affectedColumns}
          data={impact.affected}
          emptyContent={<Box p={2}>Nothing depends on it.</Box>}
        />
      </Grid>
      <Grid item xs={12}>
        <Table
          title={tenantsTitle(impact)}
          options={pagedOptions(impact.tenants, { search: true })}
          columns={tenantColumns}
          data={impact.tenants}
          emptyContent={<Box p={2}>No tenant is affected.</Box>}
        />
      </Grid>
    </>
  );
}
