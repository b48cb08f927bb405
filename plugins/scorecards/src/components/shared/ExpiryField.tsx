import { TextField } from '@material-ui/core';
import { useState } from 'react';
import { formatLocalTime } from './format';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** `datetime-local` wants local time without a zone. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** What ends at the expiry, for the words around it. */
export type ExpiringThing = 'override' | 'waiver';

const ARTICLE: Record<ExpiringThing, string> = {
  override: 'An',
  waiver: 'A',
};

/** An expiry being picked: the field's text, the time it means, the latest allowed, and what is wrong. */
export interface Expiry {
  /** The field's `datetime-local` text. */
  input: string;
  setInput: (input: string) => void;
  expiresAt: Date;
  /** `maxDays` from now. */
  latest: Date;
  maxDays: number;
  /** What is wrong with the expiry, in words: not in the future, or later than the cap allows. */
  problem?: string;
}

/**
 * The expiry of an override or a waiver: `defaultDays` from now to start with (at most
 * `maxDays`), at most `maxDays` days away and in the future.
 */
export function useExpiry(options: {
  thing: ExpiringThing;
  maxDays: number;
  defaultDays: number;
}): Expiry {
  const { thing, maxDays } = options;
  const [input, setInput] = useState(() =>
    toLocalInput(
      new Date(Date.now() + Math.min(options.defaultDays, maxDays) * DAY_MS),
    ),
  );
  const expiresAt = new Date(input);
  const latest = new Date(Date.now() + maxDays * DAY_MS);
  let problem: string | undefined;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()) {
    problem = `The ${thing} must expire in the future`;
  } else if (expiresAt.getTime() > latest.getTime()) {
    problem = `${
      ARTICLE[thing]
    } ${thing} may last at most ${maxDays} days: pick a time before ${formatLocalTime(
      latest.toISOString(),
    )}`;
  }
  return { input, setInput, expiresAt, latest, maxDays, problem };
}

/** The expiry's field, labelled "Expires": the picker stops at the cap, and says it in words. */
export function ExpiryField(props: { id: string; expiry: Expiry }) {
  const { expiry } = props;
  return (
    <TextField
      id={props.id}
      label="Expires"
      type="datetime-local"
      fullWidth
      margin="normal"
      value={expiry.input}
      onChange={e => expiry.setInput(e.target.value)}
      error={Boolean(expiry.problem)}
      helperText={
        expiry.problem ??
        `In your time zone; at most ${expiry.maxDays} days from now`
      }
      InputLabelProps={{ shrink: true }}
      inputProps={{
        min: toLocalInput(new Date()),
        max: toLocalInput(expiry.latest),
      }}
    />
  );
}
