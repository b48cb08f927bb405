import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { PluginClientOptions } from '@waybill/http-client';
import type { EvidenceKind } from '../evidence';
import {
  QueryOf,
  ScorecardsApiClient,
  ScorecardsOperations,
} from '../schema/openapi.generated';
import type {
  DeliveryEventsRequest,
  DeliveryEventsResult,
  DoraQuery,
  DoraResponse,
  EntityRefInput,
  GateAnswer,
  GateOverride,
  GateOverrideRequest,
  GateOverrideRevocation,
  PolicyReevaluationResult,
  PortfolioFilter,
  PortfolioPage,
  PortfolioQuery,
  PortfolioSummary,
  RecordEvidenceResult,
  ReleaseHistory,
  ReleaseRecord,
  UploadEvidenceOptions,
  Waiver,
  WaiverQuery,
  WaiverRequest,
} from './types';

/** What the client needs to reach the backend; Backstage's `discoveryApiRef` and `fetchApiRef` fit. */
export type ScorecardsClientOptions = PluginClientOptions;

/** The scorecards API, for frontends and tests that want to mock it. */
export interface ScorecardsApi {
  uploadEvidence(
    entityRef: EntityRefInput,
    version: string,
    kind: EvidenceKind,
    body: string | Blob | ArrayBuffer,
    options?: UploadEvidenceOptions,
  ): Promise<RecordEvidenceResult>;
  recordDeliveryEvents(
    events: DeliveryEventsRequest,
  ): Promise<DeliveryEventsResult>;
  getRelease(
    entityRef: EntityRefInput,
    version: string,
  ): Promise<ReleaseRecord>;
  listReleases(
    entityRef: EntityRefInput,
    options?: { limit?: number },
  ): Promise<ReleaseHistory>;
  getGate(
    entityRef: EntityRefInput,
    version: string,
    environment: string,
    options?: {
      /** The tenant segments the release is about to be delivered to. */
      segments?: string[];
    },
  ): Promise<GateAnswer>;
  overrideGate(
    entityRef: EntityRefInput,
    version: string,
    environment: string,
    request: GateOverrideRequest,
  ): Promise<GateOverride>;
  revokeGateOverride(
    entityRef: EntityRefInput,
    version: string,
    environment: string,
    overrideId: number,
    request: GateOverrideRevocation,
  ): Promise<GateOverride>;
  listWaivers(query?: WaiverQuery): Promise<Waiver[]>;
  requestWaiver(request: WaiverRequest): Promise<Waiver>;
  approveWaiver(waiverId: number): Promise<Waiver>;
  revokeWaiver(waiverId: number, request: { reason: string }): Promise<Waiver>;
  getPortfolio(query?: Partial<PortfolioQuery>): Promise<PortfolioPage>;
  getPortfolioSummary(filter?: PortfolioFilter): Promise<PortfolioSummary>;
  getPortfolioCsv(
    query?: PortfolioFilter & { sort?: PortfolioQuery['sort'] },
  ): Promise<string>;
  getDora(query: DoraQuery): Promise<DoraResponse>;
  reevaluatePolicy(): Promise<PolicyReevaluationResult>;
}

/** A Content-Type for an upload without one: the Blob's own, else told from the text's start. */
function contentTypeOf(body: string | Blob | ArrayBuffer): string {
  if (typeof Blob !== 'undefined' && body instanceof Blob && body.type) {
    return body.type;
  }
  if (typeof body === 'string') {
    // trimStart() also drops a byte order mark.
    const start = body.trimStart()[0];
    if (start === '<') return 'application/xml';
    if (start === '{' || start === '[') return 'application/json';
    return 'text/plain';
  }
  return 'application/octet-stream';
}

/** The query parameters of the portfolio filters, the gate as `environment:decision`. */
function filterQuery(
  filter: PortfolioFilter,
): QueryOf<ScorecardsOperations['getPortfolioSummary']> {
  return {
    owner: filter.owner,
    system: filter.system,
    tier: filter.tier,
    businessProcess: filter.businessProcess,
    grade: filter.grade,
    gate: filter.gate
      ? `${filter.gate.environment}:${filter.gate.decision}`
      : undefined,
    waived: filter.waived || undefined,
  };
}

const isoTime = (value: string | Date) =>
  typeof value === 'string' ? value : value.toISOString();

/**
 * A typed client of the scorecards backend (`/api/scorecards`), for browsers and Node alike: a
 * thin facade over the client generated from the spec (`ScorecardsApiClient`), taking entity
 * refs as strings or parts, times as Dates and the gate filter as its parts. Every method throws a `ResponseError` on a non-2xx answer; its message carries the server's
 * reason and its `body` the Backstage error body.
 *
 * @example
 * ```ts
 * const client = new ScorecardsClient({
 *   discoveryApi: { getBaseUrl: async id => `${process.env.WAYBILL_BASE_URL}/api/${id}` },
 *   fetchApi: {
 *     fetch: (input, init) =>
 *       fetch(input, {
 *         ...init,
 *         headers: { ...init?.headers, Authorization: `Bearer ${process.env.WAYBILL_CI_TOKEN}` },
 *       }),
 *   },
 * });
 * await client.uploadEvidence('component:default/inventory', '4.2.0', 'tests', junitXml);
 * const { decision } = await client.getGate('component:default/inventory', '4.2.0', 'production');
 * ```
 */
export class ScorecardsClient implements ScorecardsApi {
  private readonly api: ScorecardsApiClient;

  constructor(options: ScorecardsClientOptions) {
    this.api = new ScorecardsApiClient(options);
  }

  /** Uploads one evidence file for a release; see `POST .../evidence/{evidenceKind}`. */
  async uploadEvidence(
    entityRef: EntityRefInput,
    version: string,
    kind: EvidenceKind,
    body: string | Blob | ArrayBuffer,
    options: UploadEvidenceOptions = {},
  ): Promise<RecordEvidenceResult> {
    const { contentType = contentTypeOf(body), ...query } = options;
    return this.api.uploadEvidence({
      path: { ...releasePath(entityRef, version), evidenceKind: kind },
      query,
      body,
      contentType,
    });
  }

  /** Records delivery events (Waybill JSON or CDEvents) for DORA. */
  async recordDeliveryEvents(
    events: DeliveryEventsRequest,
  ): Promise<DeliveryEventsResult> {
    return this.api.recordDeliveryEvents({ body: events });
  }

  /** A release's scorecard: current evidence, stored evaluation and overrides. */
  async getRelease(
    entityRef: EntityRefInput,
    version: string,
  ): Promise<ReleaseRecord> {
    return this.api.getRelease({ path: releasePath(entityRef, version) });
  }

  /** An entity's releases, newest first. */
  async listReleases(
    entityRef: EntityRefInput,
    options: { limit?: number } = {},
  ): Promise<ReleaseHistory> {
    return this.api.listReleases({
      path: entityPath(entityRef),
      query: { limit: options.limit },
    });
  }

  /** Whether a release may be promoted to an environment. */
  async getGate(
    entityRef: EntityRefInput,
    version: string,
    environment: string,
    options: { segments?: string[] } = {},
  ): Promise<GateAnswer> {
    return this.api.getGate({
      path: { ...releasePath(entityRef, version), environment },
      query: options.segments?.length
        ? { segment: options.segments }
        : undefined,
    });
  }

  /** Lets a release through one environment's gate until `expiresAt`. */
  async overrideGate(
    entityRef: EntityRefInput,
    version: string,
    environment: string,
    request: GateOverrideRequest,
  ): Promise<GateOverride> {
    return this.api.overrideGate({
      path: { ...releasePath(entityRef, version), environment },
      body: { reason: request.reason, expiresAt: isoTime(request.expiresAt) },
    });
  }

  /** Ends an active gate override now, with a reason; it stays on the release's record. */
  async revokeGateOverride(
    entityRef: EntityRefInput,
    version: string,
    environment: string,
    overrideId: number,
    request: GateOverrideRevocation,
  ): Promise<GateOverride> {
    return this.api.revokeGateOverride({
      path: { ...releasePath(entityRef, version), environment, overrideId },
      body: { reason: request.reason },
    });
  }

  /** Waivers of the entities the caller may read, newest first (or soonest to expire). */
  async listWaivers(query: WaiverQuery = {}): Promise<Waiver[]> {
    return (await this.api.listWaivers({ query })).items;
  }

  /** Asks for a waiver; it applies once another person approves it. */
  async requestWaiver(request: WaiverRequest): Promise<Waiver> {
    return this.api.requestWaiver({
      body: { ...request, expiresAt: isoTime(request.expiresAt) },
    });
  }

  /** Approves another person's pending waiver. */
  async approveWaiver(waiverId: number): Promise<Waiver> {
    return this.api.approveWaiver({ path: { waiverId } });
  }

  /** Ends a pending or active waiver now, with a reason; it stays on record. */
  async revokeWaiver(
    waiverId: number,
    request: { reason: string },
  ): Promise<Waiver> {
    return this.api.revokeWaiver({
      path: { waiverId },
      body: { reason: request.reason },
    });
  }

  /** One page of the portfolio; pass a page's `nextCursor` as `cursor` for the next one. */
  async getPortfolio(
    query: Partial<PortfolioQuery> = {},
  ): Promise<PortfolioPage> {
    const { sort, limit, cursor } = query;
    return this.api.getPortfolio({
      query: { ...filterQuery(query), sort, limit, cursor },
    });
  }

  /** How the entities matching a filter spread over grades and gate decisions. */
  async getPortfolioSummary(
    filter: PortfolioFilter = {},
  ): Promise<PortfolioSummary> {
    return this.api.getPortfolioSummary({ query: filterQuery(filter) });
  }

  /** The whole portfolio as CSV text, with a header row. */
  async getPortfolioCsv(
    query: PortfolioFilter & { sort?: PortfolioQuery['sort'] } = {},
  ): Promise<string> {
    const response = await this.api.getPortfolioCsv({
      query: { ...filterQuery(query), sort: query.sort },
    });
    return response.text();
  }

  /** DORA figures over `[from, to)` and the window before it. */
  async getDora(query: DoraQuery): Promise<DoraResponse> {
    const { entityRef, from, to, ...filter } = query;
    return this.api.getDora({
      query: {
        entityRef:
          entityRef === undefined
            ? undefined
            : stringifyEntityRef(parseEntityRef(entityRef)),
        from: isoTime(from),
        to: isoTime(to),
        ...filterQuery(filter),
      },
    });
  }

  /** Starts re-scoring the releases evaluated with an older policy; does not wait for it. */
  async reevaluatePolicy(): Promise<PolicyReevaluationResult> {
    return this.api.reevaluatePolicy();
  }
}

/** The path parameters naming an entity. */
function entityPath(entityRef: EntityRefInput) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return { kind, namespace, name };
}

/** The path parameters naming a release. */
function releasePath(entityRef: EntityRefInput, version: string) {
  return { ...entityPath(entityRef), version };
}
