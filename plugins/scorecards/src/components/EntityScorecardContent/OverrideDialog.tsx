import { useApi } from '@backstage/core-plugin-api';
import { GateOverride } from '@waybill/plugin-scorecards-common';
import { ReasonDialog } from '@waybill/plugin-waybill-react';
import { scorecardsApiRef } from '../../api';
import { ExpiryField, useExpiry } from '../shared/ExpiryField';

/**
 * Lets a failing release through one environment's gate until an expiry, with a reason; the
 * backend checks the permission again and audits the override.
 */
export function OverrideDialog(props: {
  entityRef: string;
  version: string;
  environment: string;
  /** How many days from now an override may last at most (the backend's configured cap). */
  maxOverrideDays: number;
  onClose: () => void;
  onOverridden: (override: GateOverride) => void;
}) {
  const api = useApi(scorecardsApiRef);
  const expiry = useExpiry({
    thing: 'override',
    maxDays: props.maxOverrideDays,
    defaultDays: 1,
  });
  return (
    <ReasonDialog
      id="override"
      title={`Override the ${props.environment} gate of ${props.version}`}
      description={
        <>
          Pipelines asking the gate will get <strong>pass</strong> until the
          override expires or is revoked, at most {props.maxOverrideDays} days
          from now. The policy's decision and your reason stay on the release's
          record.
        </>
      }
      submitLabel="Override gate"
      recordedIn="it goes on the release's record"
      invalid={Boolean(expiry.problem)}
      onCancel={props.onClose}
      onSubmit={async reason =>
        props.onOverridden(
          await api.overrideGate(
            props.entityRef,
            props.version,
            props.environment,
            { reason, expiresAt: expiry.expiresAt.toISOString() },
          ),
        )
      }
    >
      <ExpiryField id="override-expires" expiry={expiry} />
    </ReasonDialog>
  );
}
