import { useApi } from '@backstage/core-plugin-api';
import { TextField } from '@material-ui/core';
import { GateOverride } from '@waybill/plugin-scorecards-common';
import { ReasonDialog } from '@waybill/plugin-waybill-react';
import { useState } from 'react';
import { scorecardsApiRef } from '../../api';
import { formatLocalTime } from '../shared/format';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

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

/** The override's expiry: a day from now to start with, at most `maxOverrideDays` away. */
function ExpiryField(props: {
  value: string;
  problem?: string;
  latest: Date;
  maxOverrideDays: number;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      id="override-expires"
      label="Expires"
      type="datetime-local"
      fullWidth
      margin="normal"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={Boolean(props.problem)}
      helperText={
        props.problem ??
        `In your time zone; at most ${props.maxOverrideDays} days from now`
      }
      InputLabelProps={{ shrink: true }}
      inputProps={{
        min: toLocalInput(new Date()),
        max: toLocalInput(props.latest),
      }}
    />
  );
}

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
  const [expires, setExpires] = useState(() =>
    toLocalInput(new Date(Date.now() + 24 * HOUR_MS)),
  );
  const expiresAt = new Date(expires);
  const latest = new Date(Date.now() + props.maxOverrideDays * DAY_MS);
  const expiryProblem = problemWithExpiry(
    expiresAt,
    latest,
    props.maxOverrideDays,
  );
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
      invalid={Boolean(expiryProblem)}
      onCancel={props.onClose}
      onSubmit={async reason =>
        props.onOverridden(
          await api.overrideGate(
            props.entityRef,
            props.version,
            props.environment,
            { reason, expiresAt: expiresAt.toISOString() },
          ),
        )
      }
    >
      <ExpiryField
        value={expires}
        problem={expiryProblem}
        latest={latest}
        maxOverrideDays={props.maxOverrideDays}
        onChange={setExpires}
      />
    </ReasonDialog>
  );
}
