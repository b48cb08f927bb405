import { useApi } from '@backstage/core-plugin-api';
import { Waiver } from '@waybill/plugin-scorecards-common';
import { ReasonDialog } from '@waybill/plugin-waybill-react';
import { scorecardsApiRef } from '../../api';
import { formatLocalTime } from '../shared/format';
import { waiverName } from './waiverText';

/**
 * Ends a pending or active waiver now, with a reason; the waiver stays on record, and the
 * backend checks who may (the requester or an approver) and audits the revocation.
 */
export function RevokeWaiverDialog(props: {
  waiver: Waiver;
  /** The waived check's title. */
  title: string;
  onClose: () => void;
  onRevoked: (waiver: Waiver) => void;
}) {
  const api = useApi(scorecardsApiRef);
  const { waiver } = props;
  return (
    <ReasonDialog
      id="revoke-waiver"
      title={`Revoke ${waiverName(waiver, props.title)}`}
      description={
        <>
          The waiver asked for by {waiver.requestedBy} would hold until{' '}
          {formatLocalTime(waiver.expiresAt)}. Once revoked, the{' '}
          {waiver.environment} gate counts {props.title} again. The waiver and
          your reason stay on record.
        </>
      }
      submitLabel="Revoke waiver"
      recordedIn="it goes on the waiver's record"
      onCancel={props.onClose}
      onSubmit={async reason =>
        props.onRevoked(await api.revokeWaiver(waiver.id, { reason }))
      }
    />
  );
}
