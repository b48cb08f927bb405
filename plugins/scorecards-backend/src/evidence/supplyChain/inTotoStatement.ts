import { InputError } from '@backstage/errors';
import { IN_TOTO_PAYLOAD_TYPE } from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { validate } from '../json';

/** SLSA provenance v1's predicate type. */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

const statementSchema = z.object({
  _type: z.enum(
    ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'],
    { error: 'expected an in-toto Statement (v1 or v0.1)' },
  ),
  subject: z
    .array(
      z.object({
        name: z.string().optional(),
        digest: z.record(z.string(), z.string()),
      }),
    )
    .min(1, 'expected at least one subject'),
  predicateType: z.string().min(1),
  predicate: z.unknown().optional(),
});

/** An in-toto Statement, as far as Waybill reads it. */
export type InTotoStatement = z.output<typeof statementSchema>;

/** Reads the in-toto Statement a verified DSSE envelope carries. */
export function readStatement(
  payloadType: string,
  payload: Buffer,
): InTotoStatement {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new InputError(
      `The signed payload is ${JSON.stringify(
        payloadType,
      )}, not an in-toto Statement (${IN_TOTO_PAYLOAD_TYPE})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new InputError(
      `The signed in-toto Statement is not JSON: ${(error as Error).message}`,
    );
  }
  return validate(statementSchema, parsed, 'The signed in-toto Statement', '');
}

/**
 * Requires the statement to be about the release's artifact: one of its subjects has the
 * artifact's SHA-256 digest. A signature over anything else says nothing about this release.
 */
export function requireSubject(
  statement: InTotoStatement,
  artifactDigest: string,
): void {
  const hex = artifactDigest.replace(/^sha256:/, '');
  if (statement.subject.some(s => s.digest.sha256?.toLowerCase() === hex)) {
    return;
  }
  const signed = statement.subject
    .map(s => (s.digest.sha256 ? `sha256:${s.digest.sha256}` : s.name))
    .join(', ');
  throw new InputError(
    `The statement is signed for ${signed}, not for the release's artifact ${artifactDigest}`,
  );
}

const provenanceSchema = z.object({
  buildDefinition: z.object({
    buildType: z.string().min(1),
    externalParameters: z
      .object({
        workflow: z.object({ repository: z.string() }).partial().optional(),
      })
      .optional(),
    resolvedDependencies: z
      .array(z.object({ uri: z.string().optional() }))
      .optional(),
  }),
  runDetails: z.object({ builder: z.object({ id: z.string().min(1) }) }),
});

/** What Waybill keeps of an SLSA provenance v1 predicate. */
export interface ProvenanceSummary {
  builderId: string;
  buildType: string;
  /** The repository the build read, as a URI, when the provenance names one. */
  sourceRepository: string | null;
}

/** Reads an SLSA provenance v1 statement's builder, build type and source repository. */
export function readProvenance(statement: InTotoStatement): ProvenanceSummary {
  if (statement.predicateType !== SLSA_PROVENANCE_V1) {
    throw new InputError(
      `provenance evidence must be SLSA provenance v1 (predicateType ${SLSA_PROVENANCE_V1}); the statement's is ${statement.predicateType}`,
    );
  }
  const predicate = validate(
    provenanceSchema,
    statement.predicate,
    'The SLSA provenance',
    'predicate',
  );
  const { buildDefinition, runDetails } = predicate;
  return {
    builderId: runDetails.builder.id,
    buildType: buildDefinition.buildType,
    sourceRepository:
      buildDefinition.externalParameters?.workflow?.repository ??
      buildDefinition.resolvedDependencies?.find(d => d.uri)?.uri ??
      null,
  };
}

/**
 * The `owner/name` (or `group/sub/name`) path of a repository URI as provenance writes it:
 * `https://github.com/acme/inventory`, `git+https://github.com/acme/inventory@refs/heads/main`.
 */
export function repositoryPath(uri: string): string {
  return uri
    .replace(/^git\+/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i, '')
    .replace(/@.*$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}
