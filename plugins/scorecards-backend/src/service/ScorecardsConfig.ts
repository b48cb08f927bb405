import { createHash } from 'crypto';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_POLICY,
  InvalidPolicyError,
  parsePolicy,
  ScorecardPolicy,
} from '@waybill/plugin-scorecards-common';
import { EvidenceTrust } from '../evidence/supplyChain/EvidenceTrust';

/** The scorecards settings read from `scorecards.*`, with the policy validated at startup. */
export interface ScorecardsConfig {
  environments: string[];
  maxUploadBytes: number;
  /** How many days from now a gate override may last at most (`scorecards.overrides.maxDurationDays`). */
  maxOverrideDays: number;
  /** How many days from now a waiver may last at most (`scorecards.waivers.maxDurationDays`). */
  maxWaiverDays: number;
  policy: ScorecardPolicy;
  /** SHA-256 of the policy; a stored evaluation with another digest is out of date. */
  policyDigest: string;
  /** Who signature and provenance evidence may be signed by (`scorecards.trust`). */
  trust: EvidenceTrust;
}

/** A `maxDurationDays` setting: a whole number of days, at least 1. */
function readMaxDays(config: Config, key: string, fallback: number): number {
  const days = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(days) || days < 1) {
    throw new InputError(
      `${key} must be a whole number of days, at least 1; got ${days}`,
    );
  }
  return days;
}

/** Reads `scorecards.*`; an invalid policy fails startup with every issue listed. */
export function readScorecardsConfig(config: Config): ScorecardsConfig {
  const raw = config.getOptional('scorecards.policy');
  let policy = DEFAULT_POLICY;
  if (raw !== undefined) {
    try {
      policy = parsePolicy(raw);
    } catch (error) {
      if (error instanceof InvalidPolicyError) {
        throw new InputError(`scorecards.policy is invalid: ${error.message}`);
      }
      throw error;
    }
  }
  return {
    environments: config.getOptionalStringArray('scorecards.environments') ?? [
      'staging',
      'production',
    ],
    maxUploadBytes:
      config.getOptionalNumber('scorecards.maxUploadBytes') ?? 10 * 1024 * 1024,
    maxOverrideDays: readMaxDays(
      config,
      'scorecards.overrides.maxDurationDays',
      14,
    ),
    maxWaiverDays: readMaxDays(
      config,
      'scorecards.waivers.maxDurationDays',
      30,
    ),
    policy,
    policyDigest: createHash('sha256')
      .update(JSON.stringify(policy))
      .digest('hex'),
    trust: EvidenceTrust.fromConfig(config),
  };
}
