import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { FormEvent, ReactNode } from 'react';

/** The id of an action dialog's title, which names the dialog. */
export const actionDialogTitleId = (id: string) => `${id}-title`;

/**
 * The frame of a dialog that takes an action: open or not, closed by Escape or a click outside,
 * and named by the title of the `ActionForm` inside it (same `id`). Keep the form's state in a
 * component inside the frame when every opening should start afresh.
 */
export function ActionDialog(props: {
  /** The base of the ids of the dialog's parts: `<id>-title` names it. */
  id: string;
  open?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={props.open ?? true}
      onClose={props.onClose}
      aria-labelledby={actionDialogTitleId(props.id)}
      fullWidth
      maxWidth="sm"
    >
      {props.children}
    </Dialog>
  );
}

/**
 * The body of an action dialog: its title, what the action does, why the last attempt failed,
 * the fields, and Cancel beside the action's button. The action's button submits the form (so
 * Enter in a field takes the action too) and is disabled while the action is in flight or the
 * fields are not ready; Cancel is disabled while the action is in flight.
 */
export function ActionForm(props: {
  /** The same `id` as the `ActionDialog` around it. */
  id: string;
  title: ReactNode;
  /** What the action does, in a sentence or two. */
  description: ReactNode;
  /** The action's button, e.g. `Override gate`. */
  submitLabel: string;
  /** Whether the fields are ready for the action. */
  canSubmit: boolean;
  /** The action is in flight. */
  submitting?: boolean;
  /** Why the last attempt failed, shown above the fields. */
  error?: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** The fields. */
  children?: ReactNode;
}) {
  const submitting = props.submitting ?? false;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.canSubmit && !submitting) props.onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle id={actionDialogTitleId(props.id)}>
        {props.title}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{props.description}</DialogContentText>
        {props.error && (
          <Alert severity="error" role="alert">
            {props.error}
          </Alert>
        )}
        {props.children}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={submitting}>
          Cancel
        </Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={submitting || !props.canSubmit}
        >
          {props.submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
