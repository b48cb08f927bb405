import { Table, TableColumn } from '@backstage/core-components';
import { Box, Button, Grid } from '@material-ui/core';
import { useState } from 'react';
import { EntityRefLink } from '../shared/EntityRefLink';
import { countOf } from '../shared/nodeClasses';
import { Neighbour } from './neighbours';

const neighbourColumns: TableColumn<Neighbour>[] = [
  {
    title: 'Entity',
    field: 'title',
    render: row => <EntityRefLink entityRef={row.ref} title={row.title} />,
  },
  { title: 'Type', render: row => row.type ?? row.kind },
  { title: 'Relation', render: row => row.relations.join(', ') },
];

const tableOptions = {
  paging: false,
  search: false,
  padding: 'dense',
} as const;

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
  return (
    <Grid item xs={12} md={6}>
      <Table
        title={`${props.title} (${entities.length})`}
        options={tableOptions}
        columns={neighbourColumns}
        data={showTenants ? [...entities, ...tenants] : entities}
        emptyContent={<Box p={2}>{props.empty}</Box>}
      />
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
