import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { SubgraphNode } from '@waybill/plugin-dependency-map-common';
import { shortRef } from '../shared/refs';

/** The dependency cycles touching the view, each named by its members' titles. */
export function CyclesAlert(props: {
  cycles: string[][];
  nodes: Map<string, SubgraphNode>;
}) {
  const { cycles, nodes } = props;
  return (
    <Box mb={2}>
      <Alert severity="warning" aria-label="Dependency cycles">
        {cycles.map(members => (
          <div key={members.join(' ')}>
            Cycle:{' '}
            {members
              .map(ref => nodes.get(ref)?.title ?? shortRef(ref))
              .join(' ⇄ ')}
            . They cannot be deployed in order; break the cycle or release them
            together.
            {members.some(ref => !nodes.has(ref))
              ? ' Part of it is outside this view.'
              : ''}
          </div>
        ))}
      </Alert>
    </Box>
  );
}
