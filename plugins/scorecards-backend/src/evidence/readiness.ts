import { ReadinessFacts } from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { parseJson, validate } from './json';

const LABEL = 'Waybill readiness JSON';

/** Waybill's readiness document; strict, so that a misspelt key is an error, not a silent false. */
const readinessSchema = z.strictObject({
  previousVersionDeployable: z.boolean(),
  migrationsReversible: z.boolean(),
  lastRollbackDrill: z.iso
    .date({ error: 'expected a date YYYY-MM-DD' })
    .nullable(),
  killSwitch: z.boolean(),
  signatureVerified: z.boolean(),
  provenance: z.strictObject({
    slsaLevel: z.literal([0, 1, 2, 3, 4], {
      error: 'expected an SLSA level 0 to 4',
    }),
  }),
});

/** Parses Waybill's readiness JSON document (see README.md) into readiness facts. */
export function parseReadiness(body: string): ReadinessFacts {
  const { provenance, ...rest } = validate(
    readinessSchema,
    parseJson(LABEL, body),
    LABEL,
    'readiness',
  );
  return {
    kind: 'readiness',
    format: 'waybill-readiness',
    ...rest,
    provenanceSlsaLevel: provenance.slsaLevel,
  };
}
