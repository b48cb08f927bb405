import { createHash } from 'crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  activeGateOverride,
  computeDoraTrend,
  DeliveryEvent,
  DoraTrend,
  EvidenceKind,
  evaluateScorecard,
  GateAnswer,
  Grade,
  GRADES,
  tierOfEntity,
} from '@waybill/plugin-scorecards-common';
import {
  assertMayActFor,
  Caller,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import {
  EntityScope,
  GateOverride,
  PortfolioFilter,
  PortfolioItem,
  PortfolioPage,
  PortfolioQuery,
  PortfolioSummary,
  RecordEvidenceResult,
  ReleaseKey,
  ReleaseRecord,
  ReleaseSummary,
  ScorecardStore,
} from '../database/types';
import {
  assertEvidenceMediaType,
  detectEvidenceFormat,
  parseEvidence,
} from '../evidence/parseEvidence';
import { entitySnapshot } from './entitySnapshot';
import { ScorecardsConfig } from './ScorecardsConfig';

/** Changes merged this long before a window may still ship in it; their events are read too. */
const MAX_LEAD_TIME_MS = 90 * 24 * 60 * 60 * 1000;

/** An evidence file as a pipeline uploads it. */
export interface EvidenceUpload extends ReleaseKey {
  kind: EvidenceKind;
  contentType?: string;
  body: Buffer;
  commit?: string;
  pipelineUrl?: string;
  environment?: string;
}

/**
 * Release scorecards: turns uploads into stored evidence and evaluations, and answers gate
 * questions from what is stored. Reads never re-evaluate. Given a reader's CatalogReadAccess,
 * they show only the entities the reader may read in the catalog: to them another entity is not
 * there (404, not listed, not counted); without one, they read every entity, as a service does.
 */
export class ReleaseScorecards {
  constructor(
    private readonly options: {
      store: ScorecardStore;
      catalog: CatalogService;
      config: ScorecardsConfig;
      now?: () => Date;
    },
  ) {}

  /** Parses, stores and scores one upload; nothing is stored when any step fails. */
  async uploadEvidence(
    upload: EvidenceUpload,
    uploader: { caller: Caller; credentials: BackstageCredentials },
  ): Promise<RecordEvidenceResult> {
    if (upload.environment !== undefined) {
      this.requireEnvironment(upload.environment);
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
    const { policy, environments, policyDigest } = this.options.config;
    const snapshot = entitySnapshot(entity);
    return this.options.store.recordEvidence(
      {
        entityRef: snapshot.entityRef,
        entity: snapshot,
        version: upload.version,
        commit: upload.commit,
        pipelineUrl: upload.pipelineUrl,
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
          tier: tierOfEntity(entity),
          environments,
          now: this.now(),
        }),
      policyDigest,
    );
  }

  /** A release's scorecard with its evidence and overrides. */
  async getRelease(
    key: ReleaseKey,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<ReleaseRecord> {
    await this.assertReadable(key.entityRef, access);
    const release = await this.options.store.getRelease(key);
    if (!release) {
      throw new NotFoundError(
        `No evidence has been uploaded for ${key.entityRef} ${key.version}`,
      );
    }
    return release;
  }

  /** Each entity's latest release, filtered, sorted and paged. */
  async portfolio(
    query: PortfolioQuery,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<PortfolioPage> {
    return this.options.store.portfolio(query, await this.scopeOf(access));
  }

  /**
   * How the entities matching a filter spread over grades and, per gated environment, over gate
   * decisions: the portfolio's charts. Every grade and decision is present, zeros included.
   */
  async portfolioSummary(
    filter: PortfolioFilter,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<PortfolioSummary> {
    const stored = await this.options.store.portfolioSummary(
      filter,
      await this.scopeOf(access),
    );
    const grades = Object.fromEntries(
      GRADES.map(grade => [grade, 0]),
    ) as Record<Grade, number>;
    for (const { grade, count } of stored.grades) grades[grade] = count;
    const gates: PortfolioSummary['gates'] = Object.fromEntries(
      this.options.config.environments.map(env => [
        env,
        { pass: 0, warn: 0, fail: 0 },
      ]),
    );
    for (const { environment, decision, count } of stored.gates) {
      // Environments no longer gated keep their stored decisions out of the charts.
      if (gates[environment]) gates[environment][decision] = count;
    }
    return {
      totalCount: Object.values(grades).reduce((sum, n) => sum + n, 0),
      grades,
      gates,
    };
  }

  /**
   * Every entity of the portfolio that matches a filter, in the query's order, one page at a
   * time (the API's largest page by default), for exports and roll-ups.
   */
  async *portfolioPages(
    query: Omit<PortfolioQuery, 'limit' | 'cursor'>,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
    pageSize = 200,
  ): AsyncGenerator<PortfolioItem[]> {
    const scope = await this.scopeOf(access);
    let cursor: string | undefined;
    do {
      const page = await this.options.store.portfolio(
        { ...query, limit: pageSize, cursor },
        scope,
      );
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /**
   * DORA figures over `[from, to)` and the window before it, for one entity or for every
   * entity with releases that matches the portfolio filters (owner, business process, ...).
   */
  async dora(
    options: {
      entityRef?: string;
      filter: Omit<PortfolioQuery, 'sort' | 'limit' | 'cursor'>;
      from: Date;
      to: Date;
    },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<DoraTrend & { entityRefs: string[] }> {
    const { from, to } = options;
    if (!(from < to)) throw new InputError('from must be before to');
    if (options.entityRef) {
      await this.assertReadable(options.entityRef, access);
    }
    const entityRefs = options.entityRef
      ? [options.entityRef]
      : await this.allRefs(options.filter, access);
    const span = to.getTime() - from.getTime();
    const events = await this.options.store.listDeliveryEvents({
      entityRefs,
      from: new Date(from.getTime() - span - MAX_LEAD_TIME_MS),
      to,
    });
    return { entityRefs, ...computeDoraTrend({ events, from, to }) };
  }

  /** Re-evaluates up to `batch` releases scored with an older policy; returns how many. */
  async reevaluateStale(batch: number): Promise<number> {
    const { policy, environments, policyDigest } = this.options.config;
    const stale = await this.options.store.listStaleReleases(
      policyDigest,
      batch,
    );
    await this.options.store.reevaluate(
      stale,
      (release, evidence) =>
        evaluateScorecard({
          policy,
          evidence,
          tier: release.tier,
          environments,
          now: this.now(),
        }),
      policyDigest,
    );
    return stale.length;
  }

  /** Refreshes the catalog facts (owner, system, tier, processes) of every entity with releases. */
  async syncEntities(credentials: BackstageCredentials): Promise<void> {
    const refs = await this.options.store.listEntityRefs();
    for (let i = 0; i < refs.length; i += 500) {
      const batch = refs.slice(i, i + 500);
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: batch },
        { credentials },
      );
      await this.options.store.updateEntities(
        items.filter((e): e is Entity => Boolean(e)).map(entitySnapshot),
      );
    }
  }

  private async allRefs(
    filter: Omit<PortfolioQuery, 'sort' | 'limit' | 'cursor'>,
    access: CatalogReadAccess,
  ) {
    const refs: string[] = [];
    for await (const items of this.portfolioPages(
      { ...filter, sort: 'name' },
      access,
      1000,
    )) {
      refs.push(...items.map(item => item.entityRef));
    }
    return refs;
  }

  /** An entity's releases, newest first. */
  async history(
    entityRef: string,
    limit: number,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<ReleaseSummary[]> {
    await this.assertReadable(entityRef, access);
    return this.options.store.listReleases(entityRef, { limit });
  }

  /** Whether a release may be promoted to an environment, from the stored evaluation. */
  async gate(
    key: ReleaseKey,
    environment: string,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<GateAnswer> {
    this.requireEnvironment(environment);
    await this.assertReadable(key.entityRef, access);
    const release = await this.options.store.getRelease(key);
    const gate = release?.evaluation?.gates.find(
      g => g.environment === environment,
    );
    if (!release || !gate) {
      // A release nobody has uploaded evidence for is not promotable; say so as a decision,
      // with the reason and what to do, as for any failing check.
      return {
        ...key,
        environment,
        decision: 'fail',
        policyDecision: 'fail',
        reasons: [
          {
            checkId: 'release-evidence',
            title: 'Release evidence',
            status: 'missing',
            enforcement: 'fail',
            reason: `No evidence has been uploaded for ${key.entityRef} ${key.version}`,
            fixHint:
              "Upload the pipeline's test results, coverage, scans, SBOM and readiness document for this version (POST .../releases/{version}/evidence/{kind}) before asking the gate.",
          },
        ],
        override: null,
        score: null,
        grade: null,
      };
    }
    const override = activeGateOverride(
      release.overrides,
      environment,
      this.now(),
    );
    return {
      ...key,
      environment,
      decision: override ? 'pass' : gate.decision,
      policyDecision: gate.decision,
      reasons: gate.reasons,
      override,
      score: release.evaluation!.score,
      grade: release.evaluation!.grade,
    };
  }

  /** Lets a release through one environment's gate until the override expires. */
  async overrideGate(
    key: ReleaseKey,
    request: {
      environment: string;
      reason: string;
      expiresAt: string;
      actor: string;
    },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<GateOverride> {
    this.requireEnvironment(request.environment);
    await this.assertReadable(key.entityRef, access);
    const expiresAt = Date.parse(request.expiresAt);
    if (Number.isNaN(expiresAt) || expiresAt <= this.now().getTime()) {
      throw new InputError('expiresAt must be an ISO 8601 time in the future');
    }
    return this.options.store.addOverride(key, request);
  }

  /**
   * Stores delivery events for entities that exist in the catalog; a pipeline calling with its
   * OIDC token may only report events of its own repository's entities.
   */
  async recordDeliveryEvents(
    events: DeliveryEvent[],
    reporter: { caller: Caller; credentials: BackstageCredentials },
  ): Promise<{ stored: number; duplicates: number }> {
    const refs = [...new Set(events.map(e => e.entityRef))];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials: reporter.credentials },
    );
    const unknown = refs.filter((_, i) => !items[i]);
    if (unknown.length > 0) {
      throw new InputError(
        `Unknown entity refs, not in the catalog: ${unknown.join(', ')}`,
      );
    }
    for (const [i, entity] of items.entries()) {
      assertMayActFor(reporter.caller, refs[i], entity!);
    }
    const normalized = events.map(e => ({
      ...e,
      entityRef: stringifyEntityRef(items[refs.indexOf(e.entityRef)]!),
    }));
    return this.options.store.recordDeliveryEvents(normalized);
  }

  private async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(
        `Unknown entity ref ${entityRef}: it is not in the catalog`,
      );
    }
    return entity;
  }

  /**
   * The entities a reader's portfolio is limited to: those with releases the reader may read;
   * undefined when the reader may read every entity.
   */
  private async scopeOf(
    access: CatalogReadAccess,
  ): Promise<EntityScope | undefined> {
    if (!access.restricted) return undefined;
    return [
      ...(await access.readable(await this.options.store.listEntityRefs())),
    ];
  }

  /** An entity the reader may not read is, to them, not there: 404, as for a missing release. */
  private async assertReadable(entityRef: string, access: CatalogReadAccess) {
    if (!(await access.mayRead(entityRef))) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
  }

  private requireEnvironment(environment: string) {
    const { environments } = this.options.config;
    if (!environments.includes(environment)) {
      throw new InputError(
        `Unknown environment "${environment}"; gated environments are ${environments.join(
          ', ',
        )}`,
      );
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
