import type { Tier } from '@waybill/plugin-waybill-common';
import { EvidenceKind, ReleaseEvidence } from '../evidence';
import {
  BooleanFactDefinition,
  FACTS,
  FactReading,
  MISSING_EVIDENCE_REASONS,
  NumberFactDefinition,
} from './facts';
import { gradeOf, scoreOf } from './grade';
import { effectiveEnforcement, effectiveThreshold } from './effectiveRules';
import {
  BooleanPolicyCheck,
  ComparisonOperator,
  GateDecision,
  NumberOperator,
  PolicyCheck,
  ScorecardPolicy,
} from './types';
import type { ScorecardsSchemas } from '../schema/openapi.generated';

/** What {@link evaluateScorecard} needs. */
export interface EvaluateScorecardInput {
  policy: ScorecardPolicy;
  evidence: ReleaseEvidence;
  /** The component's tier, e.g. from waybill-common's `tierOf`. */
  tier: Tier;
  /** The environments to decide gates for, e.g. `['staging', 'production']`. */
  environments: string[];
  /** The evaluation time; derived facts such as the rollback drill's age count from it. */
  now: Date;
}

/** The result of one check for a release. */
export type CheckResult = ScorecardsSchemas['CheckResult'];

/** A failing or missing check that holds up an environment's gate. */
export type GateReason = ScorecardsSchemas['GateReason'];

/** The findings a failing "at most N findings" check counted, and how many it allows. */
export type CountedFindings = ScorecardsSchemas['CountedFindings'];

/** The gate decision for promoting a release into one environment. */
export type EnvironmentGate = ScorecardsSchemas['EnvironmentGate'];

/** A release's scorecard: every check's result, the score and grade, and a gate per environment. */
export type ScorecardEvaluation = ScorecardsSchemas['ScorecardEvaluation'];

const NUMBER_COMPARISONS: Record<
  NumberOperator,
  (value: number, threshold: number) => boolean
> = {
  '<=': (value, threshold) => value <= threshold,
  '<': (value, threshold) => value < threshold,
  '>=': (value, threshold) => value >= threshold,
  '>': (value, threshold) => value > threshold,
  '==': (value, threshold) => value === threshold,
};

const REQUIREMENTS: Record<ComparisonOperator, (threshold: string) => string> =
  {
    '<=': threshold => `allowed: ${threshold}`,
    '<': threshold => `allowed: less than ${threshold}`,
    '>=': threshold => `required: at least ${threshold}`,
    '>': threshold => `required: more than ${threshold}`,
    '==': threshold => `required: ${threshold}`,
  };

function satisfies(
  value: number | boolean,
  operator: ComparisonOperator,
  threshold: number | boolean,
): boolean {
  if (typeof value === 'number' && typeof threshold === 'number') {
    return NUMBER_COMPARISONS[operator](value, threshold);
  }
  return operator === '==' && value === threshold;
}

/** The parts of a fact definition a judgement uses, for a fact of value type `V`. */
interface JudgedFact<V extends number | boolean> {
  kind: EvidenceKind;
  label: string;
  unmeasured?: string;
  format(value: V): string;
  describe(value: V): string;
  read(evidence: ReleaseEvidence, now: Date): FactReading<V>;
}

type Judgement = Pick<
  CheckResult,
  | 'status'
  | 'observed'
  | 'observedText'
  | 'threshold'
  | 'thresholdText'
  | 'reason'
>;

function judge<V extends number | boolean>(
  fact: JudgedFact<V>,
  operator: ComparisonOperator,
  threshold: V,
  evidence: ReleaseEvidence,
  now: Date,
): Judgement {
  const thresholdText = fact.format(threshold);
  const requirement = REQUIREMENTS[operator](thresholdText);
  const reading = fact.read(evidence, now);
  if (!reading.present) {
    return {
      status: 'missing',
      observed: null,
      observedText: null,
      threshold,
      thresholdText,
      reason: MISSING_EVIDENCE_REASONS[fact.kind],
    };
  }
  if (reading.value === null) {
    // The evidence is there but cannot answer (no drill on record, lines not measured): that
    // is the release's shortcoming, not a missing upload, so it fails.
    return {
      status: 'fail',
      observed: null,
      observedText: null,
      threshold,
      thresholdText,
      reason: `${
        fact.unmeasured ?? `${fact.label} not measured`
      } (${requirement})`,
    };
  }
  return {
    status: satisfies(reading.value, operator, threshold) ? 'pass' : 'fail',
    observed: reading.value,
    observedText: fact.format(reading.value),
    threshold,
    thresholdText,
    reason: `${fact.describe(reading.value)} (${requirement})`,
  };
}

function isBooleanCheck(check: PolicyCheck): check is BooleanPolicyCheck {
  return FACTS[check.fact].type === 'boolean';
}

function evaluateCheck(
  check: PolicyCheck,
  { evidence, tier, now }: EvaluateScorecardInput,
  environments: string[],
): CheckResult {
  const enforcement = Object.fromEntries(
    environments.map(environment => [
      environment,
      effectiveEnforcement(check, tier, environment),
    ]),
  );
  const scored =
    environments.length === 0
      ? effectiveEnforcement(check, tier) !== 'off'
      : environments.some(environment => enforcement[environment] !== 'off');
  // Two calls so each pairs a fact definition with a threshold of its own value type.
  const judgement = isBooleanCheck(check)
    ? judge(
        FACTS[check.fact],
        check.operator,
        effectiveThreshold(check, tier),
        evidence,
        now,
      )
    : judge(
        FACTS[check.fact],
        check.operator,
        effectiveThreshold(check, tier),
        evidence,
        now,
      );
  const findings =
    judgement.status === 'fail' && typeof judgement.observed === 'number'
      ? countedFindings(
          check,
          effectiveThreshold(check, tier),
          judgement.observed,
          evidence,
        )
      : undefined;
  return {
    id: check.id,
    title: check.title,
    fact: check.fact,
    operator: check.operator,
    weight: check.weight,
    fixHint: check.fixHint,
    scored,
    enforcement,
    ...judgement,
    ...(findings ? { findings } : {}),
  };
}

/** How many findings a stored result lists at most; a waiver names one of them. */
const MAX_COUNTED_FINDINGS = 200;

/**
 * For a failing "at most N findings" check (`<=` or `<` on a count of findings): the findings it
 * counted and how many it allows, so a waiver of one finding can be weighed later. Undefined
 * (nothing can be waived by finding) unless the findings account for exactly the count the
 * check observed and are few enough to list whole: a partial list must never let a check pass.
 */
function countedFindings(
  check: PolicyCheck,
  threshold: number | boolean,
  observed: number,
  evidence: ReleaseEvidence,
): CountedFindings | undefined {
  const definition: NumberFactDefinition | BooleanFactDefinition =
    FACTS[check.fact];
  if (
    definition.type !== 'number' ||
    !definition.findings ||
    typeof threshold !== 'number' ||
    (check.operator !== '<=' && check.operator !== '<')
  ) {
    return undefined;
  }
  const counted = definition.findings(evidence);
  if (
    !counted ||
    counted.length > MAX_COUNTED_FINDINGS ||
    counted.reduce((sum, f) => sum + f.count, 0) !== observed
  ) {
    return undefined;
  }
  const allowed =
    check.operator === '<=' ? Math.floor(threshold) : Math.ceil(threshold) - 1;
  return { counted, allowed: Math.max(0, allowed) };
}

function gateFor(environment: string, checks: CheckResult[]): EnvironmentGate {
  const reasons = checks.flatMap((result): GateReason[] => {
    const enforcement = result.enforcement[environment];
    if (result.status === 'pass' || enforcement === 'off') return [];
    return [
      {
        checkId: result.id,
        title: result.title,
        status: result.status,
        enforcement,
        reason: result.reason,
        fixHint: result.fixHint,
        ...(result.findings ? { findings: result.findings } : {}),
      },
    ];
  });
  const blocking = reasons.filter(reason => reason.enforcement === 'fail');
  const warning = reasons.filter(reason => reason.enforcement === 'warn');
  let decision: GateDecision = 'pass';
  if (blocking.length > 0) decision = 'fail';
  else if (warning.length > 0) decision = 'warn';
  return { environment, decision, reasons: [...blocking, ...warning] };
}

/**
 * Scores a release's evidence against a policy and decides a gate for each environment. Pure
 * and deterministic: the same input gives the same evaluation.
 *
 * - Each check compares its fact with the threshold for `tier`. No evidence of the fact's kind
 *   is `missing`; evidence that cannot answer (a null rate, no rollback drill) is `fail`.
 * - The score counts a check unless its effective enforcement is `off` in every environment
 *   (with no environments: unless the tier's enforcement is `off`). Tier therefore affects the
 *   score twice: through the threshold each check is held to, and by excluding checks the tier
 *   turns off. Weights do not vary by tier.
 * - An environment's gate fails when a failing or missing check is enforced `fail` there, warns
 *   when one is enforced `warn`, and passes otherwise; the score does not enter into it.
 */
export function evaluateScorecard(
  input: EvaluateScorecardInput,
): ScorecardEvaluation {
  const environments = [...new Set(input.environments)];
  const checks = input.policy.checks.map(check =>
    evaluateCheck(check, input, environments),
  );
  const score = scoreOf(checks);
  return {
    tier: input.tier,
    environments,
    evaluatedAt: input.now.toISOString(),
    score,
    grade: gradeOf(score),
    checks,
    gates: environments.map(environment => gateFor(environment, checks)),
  };
}
