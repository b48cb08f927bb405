import { Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { Blocker } from '@waybill/plugin-tenant-rollouts-common';
import { formatOpensAt } from '../shared/format';
import { RefusedAction } from './useRollout';

const KIND_LABELS: Record<Blocker['kind'], string> = {
  gate: 'Scorecard gate',
  health: 'Wave health',
  bake: 'Bake time',
  freeze: 'Freeze window',
};

/** Frozen tenants listed before "and N more". */
const SHOWN_TENANTS = 20;

const name = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** Why the backend refused an action: each blocker, and every tenant a freeze holds back. */
export function BlockersPanel(props: {
  refused: RefusedAction;
  onClose: () => void;
}) {
  const { refused } = props;
  return (
    <Alert
      severity="warning"
      onClose={props.onClose}
      role="alert"
      aria-label={`Cannot ${refused.action}`}
    >
      <AlertTitle>
        Cannot {refused.action}: the rollout is {refused.rollout.state} at wave{' '}
        {refused.rollout.currentWave}
      </AlertTitle>
      {refused.blockers.length === 0 && (
        <Typography variant="body2">{refused.error.message}</Typography>
      )}
      {refused.blockers.map(blocker => (
        <div key={`${blocker.kind}:${blocker.message}`}>
          <Typography variant="body2">
            <strong>{KIND_LABELS[blocker.kind]}:</strong>{' '}
            {blocker.kind === 'freeze' && blocker.tenants
              ? `${blocker.tenants.length} tenant(s) of the next wave are in a freeze window and are held back`
              : blocker.message}
          </Typography>
          {blocker.tenants && (
            <ul aria-label="Frozen tenants">
              {blocker.tenants.slice(0, SHOWN_TENANTS).map(tenant => (
                <li key={tenant.ref}>
                  <Typography variant="body2">
                    {name(tenant.ref)}:{' '}
                    {tenant.windows.map(w => w.title).join(', ')}; opens{' '}
                    {formatOpensAt(tenant.opensAt)}
                  </Typography>
                </li>
              ))}
              {blocker.tenants.length > SHOWN_TENANTS && (
                <li>
                  <Typography variant="body2">
                    and {blocker.tenants.length - SHOWN_TENANTS} more
                  </Typography>
                </li>
              )}
            </ul>
          )}
        </div>
      ))}
    </Alert>
  );
}
