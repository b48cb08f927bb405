import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { EntityScope, ScorecardStore } from '../database/types';
import type { ScorecardEvents } from './events/ScorecardEvents';
import { ScorecardsConfig } from './ScorecardsConfig';

/** What the scorecards services are built from. */
export interface ScorecardsDeps {
  store: ScorecardStore;
  catalog: CatalogService;
  config: ScorecardsConfig;
  /** Signals and notifications about the changes. */
  events: ScorecardEvents;
  now?: () => Date;
}

/** The current time, from the clock the services were given. */
export function nowOf(deps: ScorecardsDeps): Date {
  return deps.now?.() ?? new Date();
}

/** An entity the reader may not read is, to them, not there: 404, as for a missing release. */
export async function assertReadable(
  entityRef: string,
  access: CatalogReadAccess,
): Promise<void> {
  if (!(await access.mayRead(entityRef))) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
}

/**
 * The entities a reader's portfolio is limited to: those with releases the reader may read;
 * undefined when the reader may read every entity.
 */
export async function scopeOf(
  store: ScorecardStore,
  access: CatalogReadAccess,
): Promise<EntityScope | undefined> {
  if (!access.restricted) return undefined;
  return [...(await access.readable(await store.listEntityRefs()))];
}

/** Refuses an environment that is not gated. */
export function requireEnvironment(
  config: ScorecardsConfig,
  environment: string,
): void {
  const { environments } = config;
  if (!environments.includes(environment)) {
    throw new InputError(
      `Unknown environment "${environment}"; gated environments are ${environments.join(
        ', ',
      )}`,
    );
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The expiry asked for an override or a waiver, as a Date: a time in the future, at most
 * `maxDays` days away (the `setting` that says so), else a 400 naming the limit.
 */
export function requireExpiry(
  expiresAt: string,
  limit: { now: Date; maxDays: number; what: string; setting: string },
): Date {
  const at = Date.parse(expiresAt);
  const now = limit.now.getTime();
  if (Number.isNaN(at) || at <= now) {
    throw new InputError('expiresAt must be an ISO 8601 time in the future');
  }
  const latest = now + limit.maxDays * DAY_MS;
  if (at > latest) {
    throw new InputError(
      `body.expiresAt: ${limit.what} may last at most ${limit.maxDays} days (${
        limit.setting
      }); ask for an expiry before ${new Date(latest).toISOString()}`,
    );
  }
  return new Date(at);
}
