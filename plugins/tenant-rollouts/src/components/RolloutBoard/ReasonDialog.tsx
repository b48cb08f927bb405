import { ReasonDialog as SharedReasonDialog } from '@waybill/plugin-waybill-react';

/**
 * Asks why before an action that is audited with its reason (a rollback, an override): the
 * shared reason dialog, its reason recorded in the rollout's trail and the audit log.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  return (
    <SharedReasonDialog
      id="rollout-action"
      open={props.open}
      title={props.title}
      description={props.description}
      submitLabel={props.confirmLabel}
      recordedIn="it goes in the rollout's trail and the audit log"
      onCancel={props.onCancel}
      onSubmit={props.onConfirm}
    />
  );
}
