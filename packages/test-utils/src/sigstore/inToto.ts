/** The `_type` of an in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** The predicate type of SLSA provenance v1. */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

/** One artifact an in-toto statement is about, named and identified by its sha256 digest. */
export interface InTotoSubject {
  name: string;
  digest: { sha256: string };
}

/** An in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md). */
export interface InTotoStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: InTotoSubject[];
  predicateType: string;
  predicate: Record<string, unknown>;
}

/** Builds an in-toto Statement v1 about the given subjects. */
export function inTotoStatement(options: {
  subjects: InTotoSubject[];
  predicateType: string;
  predicate: Record<string, unknown>;
}): InTotoStatement {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: options.subjects,
    predicateType: options.predicateType,
    predicate: options.predicate,
  };
}

/** What {@link slsaProvenance} needs to describe one GitHub Actions build. */
export interface SlsaProvenanceOptions {
  /** The artifact's name, the statement's only subject. */
  artifactName: string;
  /** The artifact's sha256 digest, hex. */
  sha256: string;
  /** `runDetails.builder.id`, e.g. `https://github.com/actions/runner/github-hosted`. */
  builderId: string;
  /** `buildDefinition.buildType`; GitHub's workflow build type by default. */
  buildType?: string;
  /** The GitHub repository as `owner/name`, e.g. `acme/inventory`. */
  repository: string;
  /** The git commit the artifact was built from. */
  commit: string;
  /** The git ref the workflow ran on; `refs/heads/main` by default. */
  ref?: string;
  /** The workflow file; `.github/workflows/build.yml` by default. */
  workflowPath?: string;
}

/**
 * Builds an in-toto Statement v1 carrying SLSA provenance v1 shaped as GitHub's
 * `actions/attest-build-provenance` writes it: `externalParameters.workflow` names the
 * repository by URL, and the source commit is a resolved dependency.
 */
export function slsaProvenance(
  options: SlsaProvenanceOptions,
): InTotoStatement {
  const repositoryUrl = `https://github.com/${options.repository}`;
  const ref = options.ref ?? 'refs/heads/main';
  return inTotoStatement({
    subjects: [
      { name: options.artifactName, digest: { sha256: options.sha256 } },
    ],
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType:
          options.buildType ??
          'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: {
            ref,
            repository: repositoryUrl,
            path: options.workflowPath ?? '.github/workflows/build.yml',
          },
        },
        internalParameters: {
          github: { event_name: 'push', runner_environment: 'github-hosted' },
        },
        resolvedDependencies: [
          {
            uri: `git+${repositoryUrl}@${ref}`,
            digest: { gitCommit: options.commit },
          },
        ],
      },
      runDetails: { builder: { id: options.builderId } },
    },
  });
}
