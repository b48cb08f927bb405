import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  FreezeWindow,
  parseFreezeWindows,
  parseRolloutStrategy,
  RolloutStrategy,
} from '@waybill/plugin-tenant-rollouts-common';

export interface TenantRolloutsConfig {
  freezeWindows: FreezeWindow[];
  /** Named strategies; `default` is used when a rollout names none. */
  strategies: Record<string, RolloutStrategy>;
  whenScorecardsAbsent: 'fail' | 'pass';
  autoAdvanceMinutes: number;
}

/** Used when config names no `default` strategy: internal canary, then everyone, dedicated and critical last. */
export const BUILT_IN_DEFAULT_STRATEGY: RolloutStrategy = parseRolloutStrategy({
  waves: [
    { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 60 },
    { name: 'everyone-else', bakeMinutes: 60, healthThreshold: 0.95 },
  ],
  forceLast: ['dedicated', 'critical'],
});

/** Reads `tenantRollouts`; an invalid strategy or freeze window fails at startup, naming it. */
export function readTenantRolloutsConfig(config: Config): TenantRolloutsConfig {
  const root = config.getOptionalConfig('tenantRollouts');
  const freezeWindows = parseFreezeWindows(
    root?.getOptional('freezeWindows') ?? [],
  );
  const strategies: Record<string, RolloutStrategy> = {
    default: BUILT_IN_DEFAULT_STRATEGY,
  };
  const configured = root?.getOptionalConfig('strategies');
  for (const name of configured?.keys() ?? []) {
    try {
      strategies[name] = parseRolloutStrategy(configured!.get(name));
    } catch (error) {
      throw new InputError(
        `tenantRollouts.strategies.${name}: ${(error as Error).message}`,
      );
    }
  }
  const absent = root?.getOptionalString('gate.whenScorecardsAbsent') ?? 'fail';
  if (absent !== 'fail' && absent !== 'pass') {
    throw new InputError(
      `tenantRollouts.gate.whenScorecardsAbsent is "${absent}"; expected fail or pass`,
    );
  }
  return {
    freezeWindows,
    strategies,
    whenScorecardsAbsent: absent,
    autoAdvanceMinutes:
      root?.getOptionalNumber('autoAdvance.frequencyMinutes') ?? 1,
  };
}
