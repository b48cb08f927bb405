import { ReactNode, useState } from 'react';
import { ActionDialog, ActionForm } from './ActionDialog';
import { ReasonField, useReason } from './ReasonField';

export interface ReasonDialogProps {
  /** The base of the ids: `<id>-title` names the dialog, `<id>-reason` is the reason field. */
  id: string;
  /** Defaults to open: mount the dialog while it is wanted, or keep it and switch this. */
  open?: boolean;
  title: ReactNode;
  /** What the action does. */
  description: ReactNode;
  /** The action's button. */
  submitLabel: string;
  /** Where the reason goes, to end "Say why, in at least 10 characters: …". */
  recordedIn: string;
  minReasonLength?: number;
  /**
   * Takes the action with the trimmed reason. A promise keeps the dialog in flight until it
   * settles; its rejection's message is shown in the dialog.
   */
  onSubmit: (reason: string) => void | Promise<unknown>;
  onCancel: () => void;
  /** Further fields, below the reason. */
  children?: ReactNode;
  /** A further field has a problem: the action waits for it. */
  invalid?: boolean;
}

/** The in-flight and error state of an action that may answer with a promise. */
function useSubmission(onSubmit: (reason: string) => void | Promise<unknown>) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (reason: string) => {
    setError(undefined);
    const pending = onSubmit(reason);
    if (!pending) return;
    setSubmitting(true);
    try {
      await pending;
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, error, submit };
}

/**
 * Asks why before an action that is recorded with its reason (a gate override, a rollback):
 * the title, what the action does, the reason with its minimum length, any further fields,
 * and the action's button, disabled until the reason (and the further fields) will do.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const { reason, setReason, problem } = useReason({
    recordedIn: props.recordedIn,
    minLength: props.minReasonLength,
  });
  const submission = useSubmission(props.onSubmit);
  return (
    <ActionDialog id={props.id} open={props.open} onClose={props.onCancel}>
      <ActionForm
        id={props.id}
        title={props.title}
        description={props.description}
        submitLabel={props.submitLabel}
        canSubmit={!problem && !props.invalid}
        submitting={submission.submitting}
        error={submission.error}
        onSubmit={() => submission.submit(reason.trim())}
        onCancel={props.onCancel}
      >
        <ReasonField
          id={`${props.id}-reason`}
          value={reason}
          problem={problem}
          onChange={setReason}
        />
        {props.children}
      </ActionForm>
    </ActionDialog>
  );
}
