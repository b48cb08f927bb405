import { createHash } from 'crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EvidenceKind,
  evaluateScorecard,
} from '@waybill/plugin-scorecards-common';
import { tierOf } from '@waybill/plugin-waybill-common';
import { assertMayActFor, Caller } from '@waybill/plugin-waybill-node';
import { RecordEvidenceResult, ReleaseKey } from '../../database/types';
import {
  assertEvidenceMediaType,
  detectEvidenceFormat,
  parseEvidence,
} from '../../evidence/parseEvidence';
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
  ): Promise<RecordEvidenceResult> {
    if (upload.environment !== undefined) {
      requireEnvironment(this.deps.config, upload.environment);
    }
    const entity = await this.requireEntity(
      upload.entityRef,
      uploader.credentials,
    );
    assertMayActFor(uploader.caller, upload.entityRef, entity);
    const text = upload.body.toString('utf8');
    const format = detectEvidenceFormat(upload.kind, upload.contentType, text);
    assertEvidenceMediaType(format, upload.contentType);
    const facts = parseEvidence(format, text);
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
