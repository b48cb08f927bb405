import { ResponseError } from '@backstage/errors';
import type { PluginClientOptions } from '@waybill/http-client';
import {
  TenantRolloutsApiClient,
  type operations,
  type QueryOf,
} from '../schema/openapi.generated';
import type { RolloutAction } from '../rolloutState';
import type {
  BoardQuery,
  CreateRolloutRequest,
  FreezeCalendar,
  NamedStrategy,
  RolloutActionRequest,
  RolloutActionResult,
  RolloutConflict,
  RolloutSummary,
  RolloutView,
  RolloutWave,
  TenantStatusReport,
} from './types';

/** What the client needs to reach the backend; Backstage's `discoveryApiRef` and `fetchApiRef` fit. */
export type TenantRolloutsClientOptions = PluginClientOptions;

/** What the rollouts list is filtered by: an entity, a release version, how many. */
export type RolloutListFilter = QueryOf<operations['listRollouts']>;

/** The tenant-rollouts API, for frontends, deployment tooling and tests. */
export interface TenantRolloutsApi {
  listRollouts(filter?: RolloutListFilter): Promise<RolloutSummary[]>;
  getRollout(id: number, query?: BoardQuery): Promise<RolloutView>;
  getWave(
    id: number,
    index: number,
    filter?: { cloud?: string },
  ): Promise<RolloutWave>;
  createRollout(request: CreateRolloutRequest): Promise<RolloutView>;
  act(
    id: number,
    action: RolloutAction,
    request?: RolloutActionRequest,
  ): Promise<RolloutActionResult>;
  reportStatuses(
    id: number,
    statuses: TenantStatusReport[],
  ): Promise<{ rolloutId: number; updated: number }>;
  listStrategies(): Promise<NamedStrategy[]>;
  getFreezeCalendar(range: { from: Date; to: Date }): Promise<FreezeCalendar>;
}

/**
 * The conflict a refused action answered with (409): the rollout's current position and the
 * blockers (gate, health, bake, freeze) that stood in the way; `undefined` for other errors.
 */
export function rolloutConflictOf(error: unknown): RolloutConflict | undefined {
  if (!(error instanceof ResponseError) || error.statusCode !== 409) {
    return undefined;
  }
  const body = error.body as unknown as Partial<RolloutConflict>;
  if (!body.rollout) return undefined;
  return {
    error: body.error ?? { name: 'ConflictError', message: error.message },
    rollout: body.rollout,
    blockers: body.blockers ?? [],
  };
}

/**
 * A typed client of the tenant-rollouts backend (`/api/tenant-rollouts`), for browsers and Node
 * alike. Every method throws a `ResponseError` on a non-2xx answer; `rolloutConflictOf` reads
 * the blockers of a refused action from it.
 */
export class TenantRolloutsClient implements TenantRolloutsApi {
  private readonly api: TenantRolloutsApiClient;

  constructor(options: TenantRolloutsClientOptions) {
    this.api = new TenantRolloutsApiClient(options);
  }

  /** Rollouts newest first, optionally of one entity and one of its versions. */
  async listRollouts(
    filter: RolloutListFilter = {},
  ): Promise<RolloutSummary[]> {
    const { items } = await this.api.listRollouts({ query: filter });
    return items;
  }

  /**
   * A rollout's board: its wave summaries, heatmap, failure analysis and trail, and the page of
   * its tenants that `query` asks for (the first 100 of every tenant without one).
   */
  async getRollout(id: number, query: BoardQuery = {}): Promise<RolloutView> {
    return this.api.getRollout({ path: { id }, query });
  }

  /** One wave of a rollout and where the rollout is, optionally only the tenants on one cloud. */
  async getWave(
    id: number,
    index: number,
    filter: { cloud?: string } = {},
  ): Promise<RolloutWave> {
    return this.api.getRolloutWave({ path: { id, index }, query: filter });
  }

  /** Plans a rollout of a release over the tenants that depend on the entity. */
  async createRollout(request: CreateRolloutRequest): Promise<RolloutView> {
    return this.api.createRollout({ body: request });
  }

  /**
   * Starts, advances, pauses, resumes, rolls back or completes a rollout; answers where it is
   * after the action (not its board: `getRollout` reads that).
   */
  async act(
    id: number,
    action: RolloutAction,
    request: RolloutActionRequest = {},
  ): Promise<RolloutActionResult> {
    return this.api.actOnRollout({ path: { id, action }, body: request });
  }

  /** Records tenants' deployment status, as deployment tooling does. */
  async reportStatuses(
    id: number,
    statuses: TenantStatusReport[],
  ): Promise<{ rolloutId: number; updated: number }> {
    return this.api.reportTenantStatus({ path: { id }, body: { statuses } });
  }

  /** The configured strategies a rollout can name. */
  async listStrategies(): Promise<NamedStrategy[]> {
    const { items } = await this.api.listStrategies();
    return items;
  }

  /** Freeze windows and their occurrences between two instants. */
  async getFreezeCalendar(range: {
    from: Date;
    to: Date;
  }): Promise<FreezeCalendar> {
    return this.api.getFreezeCalendar({
      query: { from: range.from.toISOString(), to: range.to.toISOString() },
    });
  }
}
