import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { GateOverride } from '@waybill/plugin-scorecards-common';
import { useState } from 'react';
import { scorecardsApiRef } from '../../api';
import { formatLocalTime } from '../shared/format';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const MIN_REASON_LENGTH = 10;

/** `datetime-local` wants local time without a zone. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** What is wrong with an expiry, in words: not in the future, or later than the cap allows. */
function problemWithExpiry(
  expiresAt: Date,
  latest: Date,
  maxOverrideDays: number,
): string | undefined {
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()) {
    return 'The override must expire in the future';
  }
  if (expiresAt.getTime() > latest.getTime()) {
    return `An override may last at most ${maxOverrideDays} days: pick a time before ${formatLocalTime(
      latest.toISOString(),
    )}`;
  }
  return undefined;
}

interface OverrideDialogProps {
  entityRef: string;
  version: string;
  environment: string;
  /** How many days from now an override may last at most (the backend's configured cap). */
  maxOverrideDays: number;
  onClose: () => void;
  onOverridden: (override: GateOverride) => void;
}

/** The override form's state: the reason and expiry, what is wrong with them, and sending it. */
function useOverrideForm(props: OverrideDialogProps) {
  const api = useApi(scorecardsApiRef);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() =>
    toLocalInput(new Date(Date.now() + 24 * HOUR_MS)),
  );
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const expiresAt = new Date(expires);
  const reasonProblem =
    reason.trim().length < MIN_REASON_LENGTH
      ? `Say why, in at least ${MIN_REASON_LENGTH} characters: it goes on the release's record`
      : undefined;
  const latest = new Date(Date.now() + props.maxOverrideDays * DAY_MS);
  const expiryProblem = problemWithExpiry(
    expiresAt,
    latest,
    props.maxOverrideDays,
  );

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const override = await api.overrideGate(
        props.entityRef,
        props.version,
        props.environment,
        { reason: reason.trim(), expiresAt: expiresAt.toISOString() },
      );
      props.onOverridden(override);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return {
    reason,
    setReason,
    expires,
    setExpires,
    error,
    saving,
    reasonProblem,
    expiryProblem,
    latest,
    submit,
  };
}

/**
 * Lets a failing release through one environment's gate until an expiry, with a reason; the
 * backend checks the permission again and audits the override.
 */
export function OverrideDialog(props: OverrideDialogProps) {
  const form = useOverrideForm(props);
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="override-title">
      <DialogTitle id="override-title">
        Override the {props.environment} gate of {props.version}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Pipelines asking the gate will get <strong>pass</strong> until the
          override expires or is revoked, at most {props.maxOverrideDays} days
          from now. The policy's decision and your reason stay on the release's
          record.
        </DialogContentText>
        {form.error && <Alert severity="error">{form.error}</Alert>}
        <TextField
          id="override-reason"
          label="Reason"
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          value={form.reason}
          onChange={e => form.setReason(e.target.value)}
          error={form.reason.length > 0 && Boolean(form.reasonProblem)}
          helperText={form.reasonProblem ?? ' '}
          inputProps={{ maxLength: 2000 }}
        />
        <TextField
          id="override-expires"
          label="Expires"
          type="datetime-local"
          fullWidth
          margin="normal"
          value={form.expires}
          onChange={e => form.setExpires(e.target.value)}
          error={Boolean(form.expiryProblem)}
          helperText={
            form.expiryProblem ??
            `In your time zone; at most ${props.maxOverrideDays} days from now`
          }
          InputLabelProps={{ shrink: true }}
          inputProps={{
            min: toLocalInput(new Date()),
            max: toLocalInput(form.latest),
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={
            form.saving || Boolean(form.reasonProblem || form.expiryProblem)
          }
          onClick={form.submit}
        >
          Override gate
        </Button>
      </DialogActions>
    </Dialog>
  );
}
