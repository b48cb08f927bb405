import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { RolloutSummary } from '@waybill/plugin-tenant-rollouts-common';
import { DataTable } from '@waybill/plugin-waybill-react';
import { rolloutRouteRef } from '../../routes';
import {
  formatActor,
  formatRelative,
  formatTime,
  waveProgress,
} from '../shared/format';
import { RolloutStateChip } from '../shared/rolloutState';

/** How many rollouts a list asks for, newest first. */
export const RECENT_ROLLOUTS = 100;

/**
 * Rollouts, newest first, each linking to its board: release, environment, state, waves
 * reached, tenants, and who created it when. `showEntity` adds the released entity.
 */
export function RolloutsTable(props: {
  rollouts: RolloutSummary[];
  showEntity?: boolean;
}) {
  const boardLink = useRouteRef(rolloutRouteRef);
  const now = new Date();
  return (
    <DataTable
      aria-label="Rollouts"
      rows={props.rollouts}
      rowKey={rollout => rollout.id}
      hover
      columns={[
        props.showEntity && {
          header: 'Entity',
          nowrap: true,
          cell: (rollout: RolloutSummary) => (
            <EntityRefLink
              entityRef={rollout.entityRef}
              defaultKind="component"
            />
          ),
        },
        {
          header: 'Version',
          nowrap: true,
          cell: rollout => (
            <Link
              to={boardLink({ id: String(rollout.id) })}
              title={`Rollout #${rollout.id}: its board`}
            >
              {rollout.version}
            </Link>
          ),
        },
        { header: 'Environment', nowrap: true, cell: r => r.environment },
        {
          header: 'State',
          nowrap: true,
          cell: rollout => <RolloutStateChip state={rollout.state} />,
        },
        { header: 'Waves', nowrap: true, cell: waveProgress },
        {
          header: 'Tenants',
          align: 'right',
          nowrap: true,
          cell: rollout => rollout.tenantCount.toLocaleString('en-US'),
        },
        {
          header: 'Created by',
          nowrap: true,
          cell: rollout => formatActor(rollout.createdBy),
        },
        {
          header: 'Created',
          nowrap: true,
          title: rollout => formatTime(rollout.createdAt),
          cell: rollout => formatRelative(rollout.createdAt, now),
        },
      ]}
    />
  );
}
