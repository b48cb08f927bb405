import { InfoCard } from '@backstage/core-components';
import { Box, Button, Grid } from '@material-ui/core';
import { DataColumn, DataTable } from '@waybill/plugin-waybill-react';
import { useState } from 'react';
import { EntityRefLink } from '../shared/EntityRefLink';
import { countOf } from '../shared/nodeClasses';
import { Neighbour } from './neighbours';

// Plain headers: the rows keep the order that matters (real consumers first, then tenants).
const neighbourColumns: DataColumn<Neighbour>[] = [
  {
    header: 'Entity',
    cell: row => <EntityRefLink entityRef={row.ref} title={row.title} />,
  },
  { header: 'Type', cell: row => row.type ?? row.kind },
  { header: 'Relation', cell: row => row.relations.join(', ') },
];

/**
 * One side of the entity's neighbours: the real consumers or providers, counted in the title,
 * and the tenants summed up below ("and 44 tenants") until expanded.
 */
function NeighbourTable(props: {
  title: string;
  rows: Neighbour[];
  empty: string;
}) {
  const [showTenants, setShowTenants] = useState(false);
  const entities = props.rows.filter(r => !r.tenant);
  const tenants = props.rows.filter(r => r.tenant);
  const tenantCount = countOf(tenants.length, 'tenant', 'tenants');
  const shown = showTenants ? [...entities, ...tenants] : entities;
  return (
    <Grid item xs={12} md={6}>
      <InfoCard title={`${props.title} (${entities.length})`} noPadding>
        {shown.length === 0 ? (
          <Box p={2}>{props.empty}</Box>
        ) : (
          <DataTable
            aria-label={props.title}
            columns={neighbourColumns}
            rows={shown}
            rowKey={row => row.ref}
          />
        )}
      </InfoCard>
      {tenants.length > 0 && (
        <Box mt={1}>
          <Button
            size="small"
            color="primary"
            aria-expanded={showTenants}
            onClick={() => setShowTenants(!showTenants)}
          >
            {showTenants
              ? `Hide the ${tenantCount}`
              : `${entities.length > 0 ? 'and ' : ''}${tenantCount}`}
          </Button>
        </Box>
      )}
    </Grid>
  );
}

/** What the entity needs and what needs it, side by side, real consumers before tenants. */
export function NeighbourTables(props: {
  title: string;
  upstream: Neighbour[];
  downstream: Neighbour[];
}) {
  const { title, upstream, downstream } = props;
  const onlyTenants = downstream.length > 0 && downstream.every(r => r.tenant);
  return (
    <>
      <NeighbourTable
        title={`Upstream: what ${title} needs`}
        rows={upstream}
        empty="It needs nothing in the dependency map."
      />
      <NeighbourTable
        title={`Downstream: what needs ${title}`}
        rows={downstream}
        empty={
          onlyTenants ? 'Only tenants depend on it.' : 'Nothing depends on it.'
        }
      />
    </>
  );
}
