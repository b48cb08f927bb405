import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { RolloutSummary } from '@waybill/plugin-tenant-rollouts-common';
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

const useStyles = makeStyles({
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
});

/**
 * Rollouts, newest first, each linking to its board: release, environment, state, waves
 * reached, tenants, and who created it when. `showEntity` adds the released entity.
 */
export function RolloutsTable(props: {
  rollouts: RolloutSummary[];
  showEntity?: boolean;
}) {
  const classes = useStyles();
  const boardLink = useRouteRef(rolloutRouteRef);
  const now = new Date();
  return (
    <Table size="small" aria-label="Rollouts" className={classes.table}>
      <TableHead>
        <TableRow>
          {props.showEntity && <TableCell>Entity</TableCell>}
          <TableCell>Version</TableCell>
          <TableCell>Environment</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Waves</TableCell>
          <TableCell align="right">Tenants</TableCell>
          <TableCell>Created by</TableCell>
          <TableCell>Created</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rollouts.map(rollout => (
          <TableRow key={rollout.id} hover>
            {props.showEntity && (
              <TableCell>
                <EntityRefLink
                  entityRef={rollout.entityRef}
                  defaultKind="component"
                />
              </TableCell>
            )}
            <TableCell>
              <Link
                to={boardLink({ id: String(rollout.id) })}
                title={`Rollout #${rollout.id}: its board`}
              >
                {rollout.version}
              </Link>
            </TableCell>
            <TableCell>{rollout.environment}</TableCell>
            <TableCell>
              <RolloutStateChip state={rollout.state} />
            </TableCell>
            <TableCell>{waveProgress(rollout)}</TableCell>
            <TableCell align="right">
              {rollout.tenantCount.toLocaleString('en-US')}
            </TableCell>
            <TableCell>{formatActor(rollout.createdBy)}</TableCell>
            <TableCell title={formatTime(rollout.createdAt)}>
              {formatRelative(rollout.createdAt, now)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
