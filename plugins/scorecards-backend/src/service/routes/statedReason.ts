import { InputError } from '@backstage/errors';

/**
 * A reason given for an override, a waiver or a revocation, without the white space around it,
 * which the spec's `minLength` counts; a 400 naming the field when what is left is too short to
 * say why.
 */
export function statedReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 10) {
    throw new InputError(
      'body.reason: reason must say why, in at least 10 characters',
    );
  }
  return trimmed;
}
