import { InfoCard } from '@backstage/core-components';
import { RolloutEvent } from '@waybill/plugin-tenant-rollouts-common';
import { DataTable } from '@waybill/plugin-waybill-react';
import { formatActor, formatTime } from '../shared/format';

/** Every action taken on the rollout: who, when, why, and whether it overrode a blocker. */
export function RolloutTrail(props: { events: RolloutEvent[] }) {
  return (
    <InfoCard title="Trail">
      <DataTable
        aria-label="Trail"
        rows={[...props.events].reverse()}
        rowKey={event => event.id}
        columns={[
          { header: 'When', cell: event => formatTime(event.occurredAt) },
          {
            header: 'Action',
            cell: event =>
              `${event.action}${event.override ? ' (override)' : ''}`,
          },
          { header: 'Wave', cell: event => event.waveIndex },
          { header: 'Who', cell: event => formatActor(event.actor) },
          { header: 'Reason', cell: event => event.reason ?? '' },
        ]}
      />
    </InfoCard>
  );
}
