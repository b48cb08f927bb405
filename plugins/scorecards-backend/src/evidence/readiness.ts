import { InputError } from '@backstage/errors';
import { ReadinessFacts } from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { isJsonObject, parseJson, validate } from './json';

const LABEL = 'Waybill readiness JSON';

/** Waybill's readiness document; strict, so that a misspelt key is an error, not a silent false. */
const readinessSchema = z.strictObject({
  previousVersionDeployable: z.boolean(),
  migrationsReversible: z.boolean(),
  lastRollbackDrill: z.iso
    .date({ error: 'expected a date YYYY-MM-DD' })
    .nullable(),
  killSwitch: z.boolean(),
});

/**
 * Keys the document once had, and where their evidence goes now: a pipeline reporting its own
 * signature or provenance verdict is refused by name rather than as an unknown key.
 */
const RETIRED_KEYS: Record<string, string> = {
  signatureVerified:
    'upload the Sigstore bundle of the signature as `signature` evidence; Waybill verifies it',
  provenance:
    'upload the SLSA provenance bundle as `provenance` evidence; Waybill verifies it and decides the build level',
};

/** Parses Waybill's readiness JSON document (see README.md) into readiness facts. */
export function parseReadiness(body: string): ReadinessFacts {
  const document = parseJson(LABEL, body);
  if (isJsonObject(document)) {
    const retired = Object.keys(RETIRED_KEYS).find(key =>
      Object.hasOwn(document, key),
    );
    if (retired) {
      throw new InputError(
        `${LABEL}: \`${retired}\` is no longer read from the readiness document: ${RETIRED_KEYS[retired]}`,
      );
    }
  }
  return {
    kind: 'readiness',
    format: 'waybill-readiness',
    ...validate(readinessSchema, document, LABEL, 'readiness'),
  };
}
