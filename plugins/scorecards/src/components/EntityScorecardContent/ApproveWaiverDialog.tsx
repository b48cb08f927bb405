import { useApi } from '@backstage/core-plugin-api';
import { Waiver } from '@waybill/plugin-scorecards-common';
import { ActionDialog, ActionForm } from '@waybill/plugin-waybill-react';
import { useState } from 'react';
import { scorecardsApiRef } from '../../api';
import { formatLocalTime } from '../shared/format';
import { waiverName } from './waiverText';

/**
 * Approves another person's pending waiver after saying what it does; the backend checks the
 * permission and that the approver did not ask for it, and a refusal (403, or 409 for a waiver
 * no longer pending) is shown in the dialog in words.
 */
export function ApproveWaiverDialog(props: {
  waiver: Waiver;
  /** The waived check's title. */
  title: string;
  onClose: () => void;
  onApproved: (waiver: Waiver) => void;
}) {
  const api = useApi(scorecardsApiRef);
  const { waiver } = props;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const approve = async () => {
    setError(undefined);
    setSubmitting(true);
    try {
      props.onApproved(await api.approveWaiver(waiver.id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <ActionDialog id="approve-waiver" onClose={props.onClose}>
      <ActionForm
        id="approve-waiver"
        title={`Approve ${waiverName(waiver, props.title)}`}
        description={
          <>
            {waiver.requestedBy} asks: "{waiver.reason}". From now until{' '}
            {formatLocalTime(waiver.expiresAt)}, the {waiver.environment} gate
            of versions {waiver.versionRange} leaves {props.title} out of its
            decision. Your approval goes on the waiver's record.
          </>
        }
        submitLabel="Approve waiver"
        canSubmit
        submitting={submitting}
        error={error}
        onSubmit={approve}
        onCancel={props.onClose}
      />
    </ActionDialog>
  );
}
