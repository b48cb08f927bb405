import { Table, TableColumn } from '@backstage/core-components';
import { Box, Grid } from '@material-ui/core';
import { EntityRefLink } from '../shared/EntityRefLink';
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

/** What the entity needs and what needs it, side by side. */
export function NeighbourTables(props: {
  title: string;
  upstream: Neighbour[];
  downstream: Neighbour[];
}) {
  const { title, upstream, downstream } = props;
  return (
    <>
      <Grid item xs={12} md={6}>
        <Table
          title={`Upstream: what ${title} needs (${upstream.length})`}
          options={tableOptions}
          columns={neighbourColumns}
          data={upstream}
          emptyContent={
            <Box p={2}>It needs nothing in the dependency map.</Box>
          }
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title={`Downstream: what needs ${title} (${downstream.length})`}
          options={tableOptions}
          columns={neighbourColumns}
          data={downstream}
          emptyContent={<Box p={2}>Nothing depends on it.</Box>}
        />
      </Grid>
    </>
  );
}
