import type { Tier } from '@waybill/plugin-waybill-common';
import {
  ENFORCEMENTS,
  Enforcement,
  EnvironmentRule,
  PolicyCheck,
} from './types';

/** The more lenient of two enforcements (`off` < `warn` < `fail`). */
export function mostLenient(a: Enforcement, b: Enforcement): Enforcement {
  return ENFORCEMENTS.indexOf(a) <= ENFORCEMENTS.indexOf(b) ? a : b;
}

/** The threshold a release of a tier is held to: the tier's rule, else the check's default. */
export function effectiveThreshold<T extends PolicyCheck>(
  check: T,
  tier: Tier,
): T['threshold'] {
  return check.tiers?.[tier]?.threshold ?? check.threshold;
}

/**
 * What a failing or missing check does, for a release of `tier` going to `environment`:
 *
 * - neither the tier nor the environment has a rule for the check: the check's `enforcement`;
 * - only one of them has: that rule, whether stricter or more lenient;
 * - both have: the more lenient of the two.
 *
 * One-sided rules apply on their own so the natural spellings work: `warn` with
 * `production: fail` is production-only, `off` with `critical: fail` is critical-only. Where both
 * sides speak, the lenient one wins so a relaxation (`internal: off`, `staging: warn`) is never
 * undone by the other axis. A condition on both axes ("fail for critical tier in production")
 * is a tightening on one axis and a relaxation of the other axis's remaining values. Without an
 * `environment` (a score over no environments), only the tier rule and the default count.
 */
export function effectiveEnforcement(
  check: PolicyCheck,
  tier: Tier,
  environment?: string,
): Enforcement {
  const byTier = check.tiers?.[tier]?.enforcement;
  const byEnvironment =
    environment === undefined
      ? undefined
      : environmentRule(check, environment)?.enforcement;
  if (byTier !== undefined && byEnvironment !== undefined) {
    return mostLenient(byTier, byEnvironment);
  }
  return byTier ?? byEnvironment ?? check.enforcement;
}

function environmentRule(
  check: PolicyCheck,
  environment: string,
): EnvironmentRule | undefined {
  // Environment names are free text from config; `constructor` must not find Object.prototype's.
  return check.environments && Object.hasOwn(check.environments, environment)
    ? check.environments[environment]
    : undefined;
}
