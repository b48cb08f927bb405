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
import { MIN_REASON_LENGTH } from './OverrideDialog';

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
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const reasonProblem =
    reason.trim().length < MIN_REASON_LENGTH
      ? `Say why, in at least ${MIN_REASON_LENGTH} characters: it goes on the release's record`
      : undefined;

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      props.onRevoked(
        await api.revokeGateOverride(
          props.entityRef,
          props.version,
          override.environment,
          override.id,
          { reason: reason.trim() },
        ),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="revoke-title">
      <DialogTitle id="revoke-title">
        Revoke the {override.environment} override of {props.version}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The override by {override.actor} would hold until{' '}
          {formatLocalTime(override.expiresAt)}. Once revoked, pipelines asking
          the {override.environment} gate get the policy's decision again. The
          override and your reason stay on the release's record.
        </DialogContentText>
        {error && <Alert severity="error">{error}</Alert>}
        <TextField
          id="revoke-reason"
          label="Reason"
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          value={reason}
          onChange={e => setReason(e.target.value)}
          error={reason.length > 0 && Boolean(reasonProblem)}
          helperText={reasonProblem ?? ' '}
          inputProps={{ maxLength: 2000 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving || Boolean(reasonProblem)}
          onClick={submit}
        >
          Revoke override
        </Button>
      </DialogActions>
    </Dialog>
  );
}
