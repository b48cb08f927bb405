import { z } from 'zod';
import { FACTS, FACT_NAMES, FactDefinition } from './facts';
import { TIERS, Tier } from '@waybill/plugin-waybill-common';
import { ENFORCEMENTS, NUMBER_OPERATORS, ScorecardPolicy } from './types';

/** Lowercase words joined by hyphens: ids end up in URLs, database rows and override records. */
const CHECK_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const enforcementSchema = z.enum(ENFORCEMENTS);

const thresholdSchema = z.union([z.number(), z.boolean()], {
  error: 'expected a number or true/false',
});

const tierRuleSchema = z.strictObject({
  enforcement: enforcementSchema.optional(),
  threshold: thresholdSchema.optional(),
});

const tierRulesSchema = z.strictObject(
  // Built from TIERS so the schema follows the list; the cast restores the per-tier keys.
  Object.fromEntries(
    TIERS.map(tier => [tier, tierRuleSchema.optional()]),
  ) as Record<Tier, z.ZodOptional<typeof tierRuleSchema>>,
  {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown tier ${issue.keys
            .map(key => JSON.stringify(key))
            .join(', ')}; tiers are ${TIERS.join(', ')}`
        : undefined,
  },
);

const environmentRuleSchema = z.strictObject({
  enforcement: enforcementSchema,
  threshold: z
    .never({
      error:
        'an environment changes enforcement only; thresholds vary by tier (use `tiers`)',
    })
    .optional(),
});

type CheckInput = z.output<typeof checkShape>;

/**
 * Facts a policy could name once, and what replaced them: the pipeline used to report its own
 * signature and provenance verdicts in the readiness document; Waybill now verifies them.
 */
const RETIRED_FACTS: Record<string, string> = {
  'readiness.signatureVerified':
    ' (retired: Waybill verifies signatures itself; use signature.verified)',
  'readiness.provenanceSlsaLevel':
    ' (retired: Waybill verifies provenance itself; use provenance.slsaBuildLevel)',
};

const checkShape = z.strictObject({
  id: z
    .string()
    .regex(
      CHECK_ID,
      'expected lowercase words joined by hyphens, e.g. no-critical-vulnerabilities',
    ),
  title: z.string().trim().min(1, 'expected a title'),
  fixHint: z.string().trim().min(1, 'expected a fix hint'),
  fact: z.enum(FACT_NAMES, {
    error: issue =>
      `unknown fact ${JSON.stringify(issue.input)}${
        RETIRED_FACTS[String(issue.input)] ?? ''
      }; known facts: ${FACT_NAMES.join(', ')}`,
  }),
  // Every operator applies to numbers; checkFitsItsFact allows only `==` for true/false facts.
  operator: z.enum(NUMBER_OPERATORS),
  threshold: thresholdSchema,
  weight: z.number().positive('expected a weight greater than 0'),
  enforcement: enforcementSchema,
  tiers: tierRulesSchema.optional(),
  environments: z
    .record(
      z.string().trim().min(1, 'expected an environment name'),
      environmentRuleSchema,
    )
    .optional(),
});

/** The fields {@link checkFitsItsFact} reads; it runs only when these parsed cleanly. */
const FACT_DEPENDENT_FIELDS: ReadonlyArray<PropertyKey | undefined> = [
  'fact',
  'operator',
  'threshold',
  'tiers',
];

function thresholdIssue(
  name: string,
  fact: FactDefinition,
  threshold: number | boolean,
): string | undefined {
  if (fact.type === 'boolean') {
    return typeof threshold === 'boolean'
      ? undefined
      : `fact "${name}" is true/false; expected true or false, got ${threshold}`;
  }
  if (typeof threshold !== 'number') {
    return `fact "${name}" is a number; expected a number, got ${threshold}`;
  }
  if (threshold >= fact.min && threshold <= fact.max) return undefined;
  const range =
    fact.max === Infinity
      ? `at least ${fact.min}`
      : `${fact.min} to ${fact.max}`;
  const hint =
    fact.unit === 'ratio'
      ? ` (a fraction: write ${threshold / 100} for ${threshold}%)`
      : '';
  return `${threshold} is out of range for fact "${name}": expected ${range}${hint}`;
}

/** The rules that depend on the fact's type: operator, threshold type and range. */
function checkFitsItsFact(check: CheckInput, ctx: z.RefinementCtx): void {
  const fact: FactDefinition = FACTS[check.fact];
  if (fact.type === 'boolean' && check.operator !== '==') {
    ctx.addIssue({
      code: 'custom',
      path: ['operator'],
      message: `"${check.operator}" does not apply to true/false fact "${check.fact}"; use "=="`,
    });
  }
  const thresholds: Array<[PropertyKey[], number | boolean | undefined]> = [
    [['threshold'], check.threshold],
    ...TIERS.map((tier): [PropertyKey[], number | boolean | undefined] => [
      ['tiers', tier, 'threshold'],
      check.tiers?.[tier]?.threshold,
    ]),
  ];
  for (const [path, threshold] of thresholds) {
    const message =
      threshold === undefined
        ? undefined
        : thresholdIssue(check.fact, fact, threshold);
    if (message) ctx.addIssue({ code: 'custom', path, message });
  }
}

function idOf(check: unknown): string | undefined {
  return typeof check === 'object' &&
    check !== null &&
    'id' in check &&
    typeof check.id === 'string'
    ? check.id
    : undefined;
}

/** Ids must be unique; reads ids defensively because it also runs when some checks are invalid. */
function rejectDuplicateIds(
  checks: readonly unknown[],
  ctx: z.RefinementCtx,
): void {
  const firstIndex = new Map<string, number>();
  checks.forEach((check, index) => {
    const id = idOf(check);
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [index, 'id'],
      message: `duplicate check id "${id}" (also checks[${first}])`,
    });
  });
}

/**
 * The schema of a policy as written in config (`scorecards.policy`) or a YAML file:
 * `{ checks: [...] }`. Its output has the shape of {@link ScorecardPolicy}; use
 * {@link parsePolicy} for the typed result and readable errors.
 */
export const scorecardPolicySchema = z.strictObject({
  checks: z
    .array(
      // Zod skips refinements once a field has failed; these run whenever the fields they
      // read are valid, so one load reports every problem instead of one per attempt.
      checkShape.superRefine(checkFitsItsFact, {
        when: payload =>
          payload.issues.every(
            issue => !FACT_DEPENDENT_FIELDS.includes(issue.path?.[0]),
          ),
      }),
    )
    .min(1, 'a policy needs at least one check')
    .superRefine(rejectDuplicateIds, { when: () => true }),
});

/** One problem with a policy: where (`checks[2].fact`) and what. */
export interface PolicyIssue {
  path: string;
  message: string;
}

/** A policy failed validation; `issues` lists every problem found. */
export class InvalidPolicyError extends Error {
  /** Every problem found, in document order. */
  readonly issues: PolicyIssue[];

  constructor(issues: PolicyIssue[]) {
    super(
      `Invalid scorecard policy:\n${issues
        .map(issue => `  ${issue.path}: ${issue.message}`)
        .join('\n')}`,
    );
    this.name = 'InvalidPolicyError';
    this.issues = issues;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'policy';
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const key = String(segment);
      if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

/** Validates a policy from config or YAML; throws {@link InvalidPolicyError} listing every issue. */
export function parsePolicy(raw: unknown): ScorecardPolicy {
  const result = scorecardPolicySchema.safeParse(raw);
  if (!result.success) {
    throw new InvalidPolicyError(
      result.error.issues.map(issue => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  // checkFitsItsFact has paired each fact with operators and thresholds of its type, which
  // the zod output type cannot express.
  return result.data as ScorecardPolicy;
}
