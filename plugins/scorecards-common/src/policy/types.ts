import type { Tier } from '@waybill/plugin-waybill-common';
import { EnforcementValues } from '../schema/openapi.generated';
import type { BooleanFactName, FactName, NumberFactName } from './facts';

/** What a failing or missing check does to a gate, from the most lenient to the strictest. */
export const ENFORCEMENTS = EnforcementValues;

/** What a failing or missing check does to a gate: nothing, a warning, or blocking the promotion. */
export type Enforcement = (typeof ENFORCEMENTS)[number];

/** Operators for numeric facts. */
export const NUMBER_OPERATORS = ['<=', '<', '>=', '>', '=='] as const;

/** An operator comparing a numeric fact with its threshold (`fact <op> threshold`). */
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];

/** Operators for true/false facts. */
export const BOOLEAN_OPERATORS = ['=='] as const;

/** An operator comparing a true/false fact with its threshold. */
export type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];

/** Any comparison operator. */
export type ComparisonOperator = NumberOperator | BooleanOperator;

/** What a tier changes about a check: its enforcement, its threshold, or both. */
export interface TierRule<T extends number | boolean = number | boolean> {
  enforcement?: Enforcement;
  threshold?: T;
}

/**
 * What an environment changes about a check: its enforcement only. Thresholds vary by tier, so a
 * release has one result per check and environments decide what that result does to their gate.
 */
export interface EnvironmentRule {
  enforcement: Enforcement;
}

interface PolicyCheckOf<
  F extends FactName,
  O extends ComparisonOperator,
  T extends number | boolean,
> {
  /** Stable id, lowercase words joined by hyphens, e.g. `no-critical-vulnerabilities`. */
  id: string;
  /** What the check asks for, e.g. `No critical dependency vulnerabilities`. */
  title: string;
  /** What a developer does to make the check pass. */
  fixHint: string;
  /** The fact tested, from {@link FACTS}. */
  fact: F;
  /** The check passes when `fact <operator> threshold` holds. */
  operator: O;
  /** The default threshold; a tier rule replaces it. */
  threshold: T;
  /** Share of the score; a passing check earns its weight. Greater than 0. */
  weight: number;
  /**
   * The default enforcement. Where a release's tier or a target environment has a rule for it, the
   * rules decide instead (see {@link effectiveEnforcement}):
   *
   * - no rule applies: this default;
   * - only the tier or only the environment has one: that rule;
   * - both have one: the more lenient of the two (`off` < `warn` < `fail`).
   */
  enforcement: Enforcement;
  /** Overrides for releases of a tier. */
  tiers?: Partial<Record<Tier, TierRule<T>>>;
  /** Overrides for gates into an environment, by environment name (e.g. `staging`, `production`). */
  environments?: Record<string, EnvironmentRule>;
}

/** A check of a numeric fact. */
export type NumberPolicyCheck = PolicyCheckOf<
  NumberFactName,
  NumberOperator,
  number
>;

/** A check of a true/false fact. */
export type BooleanPolicyCheck = PolicyCheckOf<
  BooleanFactName,
  BooleanOperator,
  boolean
>;

/** One rule of a scorecard policy: a fact compared with a threshold, weighted and enforced. */
export type PolicyCheck = NumberPolicyCheck | BooleanPolicyCheck;

/** A scorecard policy: the checks every release is scored and gated on. */
export interface ScorecardPolicy {
  checks: PolicyCheck[];
}

/** The outcome of one check: it held, it did not (or its value is unmeasured), or its evidence is missing. */
export type CheckStatus = 'pass' | 'fail' | 'missing';

/** A gate's decision for an environment: promote, promote with warnings, or block. */
export type GateDecision = 'pass' | 'warn' | 'fail';
