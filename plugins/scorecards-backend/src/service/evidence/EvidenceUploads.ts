import { createHash } from 'crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DependencyFacts,
  diffSbom,
  EvidenceKind,
  evaluateScorecard,
  isSupplyChainFormat,
} from '@waybill/plugin-scorecards-common';
import { tierOf } from '@waybill/plugin-waybill-common';
import {
  assertMayActFor,
  Caller,
  PIPELINE_PROVIDERS,
  PROJECT_SLUG_ANNOTATIONS,
} from '@waybill/plugin-waybill-node';
import {
  RecordedEvidence,
  ReleaseKey,
  StoredRelease,
} from '../../database/types';
import {
  assertEvidenceMediaType,
  detectEvidenceFormat,
  parseEvidence,
} from '../../evidence/parseEvidence';
import { verifySupplyChainEvidence } from '../../evidence/supplyChain/verifySupplyChainEvidence';
import { entitySnapshot } from '../entitySnapshot';
import { nowOf, requireEnvironment, ScorecardsDeps } from '../deps';

/** An evidence file as a pipeline uploads it. */
export interface EvidenceUpload extends ReleaseKey {
  kind: EvidenceKind;
  contentType?: string;
  body: Buffer;
  commit?: string;
  pipelineUrl?: string;
  /** `sha256:<hex>` of the artifact the release ships. */
  artifactDigest?: string;
  environment?: string;
}

/** Evidence: turns a pipeline's uploads into stored facts and the release's new evaluation. */
export class EvidenceUploads {
  constructor(private readonly deps: ScorecardsDeps) {}

  /** Parses, stores and scores one upload; nothing is stored when any step fails. */
  async upload(
    upload: EvidenceUpload,
    uploader: { caller: Caller; credentials: BackstageCredentials },
  ): Promise<RecordedEvidence> {
    if (upload.environment !== undefined) {
      requireEnvironment(this.deps.config, upload.environment);
    }
    const entity = await this.requireEntity(
      upload.entityRef,
      uploader.credentials,
    );
    assertMayActFor(uploader.caller, upload.entityRef, entity);
    // Read once, when the upload names an artifact or its evidence must be checked against one.
    const stored =
      upload.artifactDigest !== undefined || isSignedKind(upload.kind)
        ? await this.deps.store.getRelease(upload)
        : undefined;
    assertSameArtifact(upload, stored);
    const text = upload.body.toString('utf8');
    const format = detectEvidenceFormat(upload.kind, upload.contentType, text);
    assertEvidenceMediaType(format, upload.contentType);
    const parsed = isSupplyChainFormat(format)
      ? verifySupplyChainEvidence(
          {
            kind: upload.kind as 'signature' | 'provenance',
            format,
            body: text,
            artifactDigest:
              upload.artifactDigest ?? stored?.artifactDigest ?? undefined,
            repositories: repositoriesOf(entity),
          },
          this.deps.config.trust,
        )
      : parseEvidence(format, text);
    const facts =
      parsed.kind === 'dependencies'
        ? await this.withDiff(upload, parsed)
        : parsed;
    const { policy, environments, policyDigest } = this.deps.config;
    const snapshot = entitySnapshot(entity);
    return this.deps.store.recordEvidence(
      {
        entityRef: snapshot.entityRef,
        entity: snapshot,
        version: upload.version,
        commit: upload.commit,
        pipelineUrl: upload.pipelineUrl,
        artifactDigest: upload.artifactDigest,
        environment: upload.environment,
        kind: upload.kind,
        format,
        digest: createHash('sha256').update(upload.body).digest('hex'),
        sizeBytes: upload.body.length,
        facts,
        uploadedBy: uploader.caller.subject,
      },
      evidence =>
        evaluateScorecard({
          policy,
          evidence,
          tier: tierOf(entity),
          environments,
          now: nowOf(this.deps),
        }),
      policyDigest,
    );
  }

  /**
   * Dependency facts with their diff against the SBOM of the release before this one (see
   * `ScorecardStore.findPreviousDependencies`); null when there is none to compare with.
   */
  private async withDiff(
    upload: EvidenceUpload,
    facts: DependencyFacts,
  ): Promise<DependencyFacts> {
    const previous = await this.deps.store.findPreviousDependencies(upload);
    return { ...facts, diff: previous ? diffSbom(previous, facts) : null };
  }

  private async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(
        `Unknown entity ref ${entityRef}: it is not in the catalog`,
      );
    }
    return entity;
  }
}

/** The entity's repositories, per CI provider, from its project-slug annotations. */
function repositoriesOf(entity: Entity) {
  const annotations = entity.metadata.annotations ?? {};
  return Object.fromEntries(
    PIPELINE_PROVIDERS.flatMap(provider => {
      const slug = annotations[PROJECT_SLUG_ANNOTATIONS[provider]];
      return slug ? [[provider, slug]] : [];
    }),
  );
}

/** The kinds whose evidence is verified against the release's artifact. */
function isSignedKind(kind: EvidenceKind): boolean {
  return kind === 'signature' || kind === 'provenance';
}

/**
 * Refuses to move a release to another artifact while verified signature or provenance
 * evidence is bound to its own, so verified facts never outlive their artifact.
 */
function assertSameArtifact(
  upload: EvidenceUpload,
  stored: StoredRelease | undefined,
): void {
  if (
    !upload.artifactDigest ||
    !stored?.artifactDigest ||
    stored.artifactDigest === upload.artifactDigest
  ) {
    return;
  }
  const bound = stored.evidence.map(e => e.kind).filter(isSignedKind);
  if (bound.length > 0) {
    throw new InputError(
      `${upload.entityRef} ${upload.version} ships ${
        stored.artifactDigest
      }, which its verified ${bound.join(' and ')} evidence is bound to; ${
        upload.artifactDigest
      } is another artifact: release it under a new version`,
    );
  }
}
