import { InfoCard } from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { RolloutEvent } from '@waybill/plugin-tenant-rollouts-common';
import { formatActor, formatTime } from '../shared/format';

/** Every action taken on the rollout: who, when, why, and whether it overrode a blocker. */
export function RolloutTrail(props: { events: RolloutEvent[] }) {
  return (
    <InfoCard title="Trail">
      <Table size="small" aria-label="Trail">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Wave</TableCell>
            <TableCell>Who</TableCell>
            <TableCell>Reason</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...props.events].reverse().map(event => (
            <TableRow key={event.id}>
              <TableCell>{formatTime(event.occurredAt)}</TableCell>
              <TableCell>
                {event.action}
                {event.override && ' (override)'}
              </TableCell>
              <TableCell>{event.waveIndex}</TableCell>
              <TableCell>{formatActor(event.actor)}</TableCell>
              <TableCell>{event.reason ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
