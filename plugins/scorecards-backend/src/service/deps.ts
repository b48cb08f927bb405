import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { EntityScope, ScorecardStore } from '../database/types';
import { ScorecardsConfig } from './ScorecardsConfig';

/** What the scorecards services are built from. */
export interface ScorecardsDeps {
  store: ScorecardStore;
  catalog: CatalogService;
  config: ScorecardsConfig;
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
