/** Longest message Waybill keeps of a failing test or a finding; the full text stays in the uploaded file. */
export const MAX_MESSAGE_LENGTH = 500;

/** Trims `text` and cuts it to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}

/** Orders strings by code unit, so that sorting does not depend on the server's locale. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Shows an untrusted value in an error message, briefly. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(clip(value, 40));
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (value === undefined) {
    return 'missing';
  }
  // Never JSON.stringify an untrusted object: JSON.parse accepts nesting that stringify overflows on.
  return typeof value === 'object' && value !== null
    ? 'an object'
    : String(value);
}
