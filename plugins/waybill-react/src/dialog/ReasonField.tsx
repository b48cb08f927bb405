import { TextField } from '@material-ui/core';
import { useState } from 'react';

/** The shortest reason an audited action takes, as the Waybill backends require it. */
export const MIN_REASON_LENGTH = 10;
/** The longest reason the Waybill backends store. */
export const MAX_REASON_LENGTH = 2000;

/**
 * A reason's text and what is wrong with it: shorter than `minLength` once trimmed, said with
 * where the reason goes (`recordedIn`, e.g. "it goes on the release's record").
 */
export function useReason(options: { recordedIn: string; minLength?: number }) {
  const minLength = options.minLength ?? MIN_REASON_LENGTH;
  const [reason, setReason] = useState('');
  const problem =
    reason.trim().length < minLength
      ? `Say why, in at least ${minLength} characters: ${options.recordedIn}`
      : undefined;
  return { reason, setReason, problem };
}

/**
 * The reason field of an audited action: labelled "Reason", several lines, its problem said
 * below it from the start and marked as an error once something is typed.
 */
export function ReasonField(props: {
  /** The field's id: `<dialog id>-reason` in a `ReasonDialog`. */
  id: string;
  value: string;
  problem?: string;
  onChange: (reason: string) => void;
  maxLength?: number;
}) {
  return (
    <TextField
      id={props.id}
      label="Reason"
      multiline
      minRows={3}
      fullWidth
      margin="normal"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={props.value.length > 0 && Boolean(props.problem)}
      helperText={props.problem ?? ' '}
      inputProps={{ maxLength: props.maxLength ?? MAX_REASON_LENGTH }}
    />
  );
}
