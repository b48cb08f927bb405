import { GateAnswer } from '@waybill/plugin-scorecards-common';
import { entityRefInput } from '@waybill/plugin-waybill-node';
import {
  ENTITY_REF_DESCRIPTION,
  READ_ONLY,
  releaseReaderAccess,
  ScorecardsActionServices,
  toWaiverOutput,
  versionInput,
  waiverOutput,
  Zod,
} from './scorecardsActionContext';

const gateInput = (z: Zod) =>
  z.object({
    entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
    version: versionInput(z),
    environment: z
      .string()
      .min(1)
      .describe(
        'A gated environment, one of `scorecards.environments` (by default `staging` or `production`).',
      ),
    segments: z
      .array(z.string().min(1))
      .max(50)
      .optional()
      .describe(
        'The tenant segments the release is about to be delivered to, for waivers scoped to one segment; omit for a delivery to every tenant.',
      ),
  });

const decision = (z: Zod) => z.enum(['pass', 'warn', 'fail']);

const gateOutput = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    version: z.string(),
    environment: z.string(),
    decision: decision(z).describe(
      'The decision after waivers and overrides: act on this one. `pass` promotes, `warn` promotes with warnings, `fail` blocks.',
    ),
    policyDecision: decision(z).describe(
      'The decision of the policy alone, before waivers and overrides.',
    ),
    score: z
      .number()
      .nullable()
      .describe('0..100; null when the release has no evidence.'),
    grade: z.enum(['A', 'B', 'C', 'D', 'F']).nullable(),
    reasons: z
      .array(
        z.object({
          checkId: z.string(),
          title: z.string(),
          status: z.enum(['fail', 'missing']),
          enforcement: z
            .enum(['fail', 'warn'])
            .describe('`fail` blocks the gate, `warn` only warns.'),
          reason: z.string().describe('What is wrong, in words.'),
          fixHint: z.string().describe('What a developer does to fix it.'),
        }),
      )
      .describe(
        'The failing or missing checks that hold the gate up, blocking ones first.',
      ),
    waivers: z
      .array(waiverOutput(z))
      .describe('The active waivers the decision applies.'),
    override: z
      .object({
        id: z.number(),
        reason: z.string(),
        actor: z.string(),
        createdAt: z.string(),
        expiresAt: z.string(),
      })
      .nullable()
      .describe(
        'The override in force, which makes the decision `pass`; null when none is.',
      ),
  });

function toGateOutput(answer: GateAnswer) {
  const { entityRef, version, environment, score, grade } = answer;
  return {
    entityRef,
    version,
    environment,
    decision: answer.decision,
    policyDecision: answer.policyDecision,
    score,
    grade,
    reasons: answer.reasons.map(r => ({
      checkId: r.checkId,
      title: r.title,
      status: r.status,
      enforcement: r.enforcement,
      reason: r.reason,
      fixHint: r.fixHint,
    })),
    waivers: answer.waivers.map(toWaiverOutput),
    override: answer.override
      ? {
          id: answer.override.id,
          reason: answer.override.reason,
          actor: answer.override.actor,
          createdAt: answer.override.createdAt,
          expiresAt: answer.override.expiresAt,
        }
      : null,
  };
}

/**
 * `get-release-gate`: whether a release may be promoted to an environment, answered by the gate
 * the HTTP route `GET .../releases/:version/gates/:environment` answers with.
 */
export function registerReleaseGateAction(
  services: ScorecardsActionServices,
): void {
  services.actionsRegistry.register({
    name: 'get-release-gate',
    title: 'Release gate decision',
    description: [
      'Whether version `version` of a catalog entity may be promoted to `environment`, as the',
      "Waybill scorecards gate decides it from the release's stored evidence and policy:",
      '`decision` (after waivers and overrides; act on this one), the policy decision, score and',
      'grade, and every check that holds the gate up with why and how to fix it. A release with',
      'no evidence uploaded fails with one `release-evidence` reason. Reads only; needs',
      '`scorecards.release.read`, and answers only for entities the caller may read.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: gateInput, output: gateOutput },
    examples: [
      {
        title: 'May inventory 4.2.0 go to production?',
        input: {
          entityRef: 'component:default/inventory',
          version: '4.2.0',
          environment: 'production',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const access = await releaseReaderAccess(services, credentials);
      const answer = await services.scorecards.gate(
        {
          entityRef: entityRefInput(input.entityRef, 'entityRef'),
          version: input.version,
        },
        input.environment,
        access,
        input.segments ?? [],
      );
      return { output: toGateOutput(answer) };
    },
  });
}
