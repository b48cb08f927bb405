import { useApi } from '@backstage/core-plugin-api';
import { GateOverride } from '@waybill/plugin-scorecards-common';
import { ReasonDialog } from '@waybill/plugin-waybill-react';
import { scorecardsApiRef } from '../../api';
import { formatLocalTime } from '../shared/format';

/**
 * Ends an active gate override now, with a reason; the override stays on the release's record
 * and the backend checks the permission again and audits the revocation.
 */
export function RevokeOverrideDialog(props: {
  entityRef: string;
  version: string;
  override: GateOverride;
  onClose: () => void;
  onRevoked: (override: GateOverride) => void;
}) {
  const api = useApi(scorecardsApiRef);
  const { override } = props;
  return (
    <ReasonDialog
      id="revoke"
      title={`Revoke the ${override.environment} override of ${props.version}`}
      description={
        <>
          The override by {override.actor} would hold until{' '}
          {formatLocalTime(override.expiresAt)}. Once revoked, pipelines asking
          the {override.environment} gate get the policy's decision again. The
          override and your reason stay on the release's record.
        </>
      }
      submitLabel="Revoke override"
      recordedIn="it goes on the release's record"
      onCancel={props.onClose}
      onSubmit={async reason =>
        props.onRevoked(
          await api.revokeGateOverride(
            props.entityRef,
            props.version,
            override.environment,
            override.id,
            { reason },
          ),
        )
      }
    />
  );
}
