import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  NamedStrategy,
  parseRolloutStrategy,
  planRollout,
  RolloutStrategy,
} from '@waybill/plugin-tenant-rollouts-common';
import { RolloutRecord, RolloutStore } from '../database/RolloutStore';
import { CatalogTenants } from './catalogTenants';
import { BUILT_IN_DEFAULT_STRATEGY, TenantRolloutsConfig } from './config';
import { accessOf, Actor, assertActorMayActFor } from './rolloutAccess';
import { StrategyFileReader } from './strategyFile';

/** What a new rollout is asked for. */
export interface NewRolloutInput {
  entityRef: string;
  version: string;
  environment: string;
  /** A strategy object, or the name of a configured strategy. */
  strategy?: string | unknown;
}

/** A rollout's strategy and where it came from: `request`, `config:<name>`, `built-in` or a file URL. */
export interface ResolvedStrategy {
  strategy: RolloutStrategy;
  source: string;
}

/** The configured strategies, `default` first. */
export function configuredStrategies(
  config: TenantRolloutsConfig,
): NamedStrategy[] {
  return Object.entries(config.strategies)
    .map(([name, strategy]) => ({ name, strategy }))
    .sort(
      (a, b) => Number(b.name === 'default') - Number(a.name === 'default'),
    );
}

/**
 * The strategy of a new rollout, first to last: a strategy object in the request, a strategy
 * name in the request (from `tenantRollouts.strategies`), the file the released entity names
 * (its rollout-strategy annotation), the configured `default`, the built-in one.
 */
export async function resolveStrategy(
  input: { strategy?: string | unknown },
  entity: Entity | undefined,
  options: { config: TenantRolloutsConfig; strategyFiles: StrategyFileReader },
): Promise<ResolvedStrategy> {
  const { strategies } = options.config;
  if (input.strategy !== undefined && typeof input.strategy !== 'string') {
    return {
      strategy: parseRolloutStrategy(input.strategy),
      source: 'request',
    };
  }
  if (typeof input.strategy === 'string') {
    const named = strategies[input.strategy];
    if (!named) {
      throw new InputError(
        `No rollout strategy "${
          input.strategy
        }" in tenantRollouts.strategies; known: ${Object.keys(strategies).join(
          ', ',
        )}`,
      );
    }
    return { strategy: named, source: `config:${input.strategy}` };
  }
  const file = entity && (await options.strategyFiles.read(entity));
  if (file) return { strategy: file.strategy, source: file.url };
  return {
    strategy: strategies.default,
    source:
      strategies.default === BUILT_IN_DEFAULT_STRATEGY
        ? 'built-in'
        : 'config:default',
  };
}

/** Plans new rollouts: checks the actor, resolves the strategy, reads the tenants, stores the plan. */
export class RolloutPlanner {
  constructor(
    private readonly options: {
      store: RolloutStore;
      catalog: CatalogService;
      /** The plugin's own credentials read a new rollout's tenants. */
      auth: AuthService;
      tenants: CatalogTenants;
      config: TenantRolloutsConfig;
      strategyFiles: StrategyFileReader;
    },
  ) {}

  /** Plans and stores a rollout; see {@link resolveStrategy} for where its strategy comes from. */
  async plan(
    input: NewRolloutInput,
    actor: Actor & { credentials: BackstageCredentials },
  ): Promise<RolloutRecord> {
    const { catalog, store } = this.options;
    // Read when a pipeline must be checked or the strategy may come from the entity's file.
    const entity =
      actor.caller.type === 'pipeline' || input.strategy === undefined
        ? await catalog.getEntityByRef(input.entityRef, {
            credentials: actor.credentials,
          })
        : undefined;
    await assertActorMayActFor(catalog, input.entityRef, actor, entity);
    if (!(await accessOf(actor).mayRead(input.entityRef))) {
      throw new InputError(`No entity ${input.entityRef} in the catalog`);
    }
    const { strategy, source } = await resolveStrategy(
      input,
      entity,
      this.options,
    );
    // Every tenant of the entity, whoever plans: a tenant the planner may not read is still
    // delivered to (and left off their board).
    const tenants = await this.options.tenants.list(
      await this.options.auth.getOwnServiceCredentials(),
      input.entityRef,
    );
    if (tenants.length === 0) {
      throw new InputError(
        `No tenant in the catalog depends on ${input.entityRef} (kind Resource, spec.type tenant, spec.dependsOn naming it)`,
      );
    }
    const plan = planRollout(tenants, strategy);
    return store.createRollout({
      entityRef: input.entityRef,
      version: input.version,
      environment: input.environment,
      strategy,
      strategySource: source,
      plan: { waves: plan.waves, tenants },
      createdBy: actor.caller.subject,
    });
  }
}
