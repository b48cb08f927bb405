import { ReleaseRecord } from '@waybill/plugin-scorecards-common';
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

const releaseInput = (z: Zod) =>
  z.object({
    entityRef: z.string().min(1).describe(ENTITY_REF_DESCRIPTION),
    version: versionInput(z),
  });

const factValue = (z: Zod) => z.union([z.number(), z.boolean()]);

const scoreOutput = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    version: z.string(),
    tier: z
      .string()
      .nullable()
      .describe(
        "The entity's tier the thresholds were chosen for; null before the release was evaluated.",
      ),
    evaluatedAt: z.string().nullable(),
    score: z
      .number()
      .nullable()
      .describe('Weighted share of the scored checks that pass, 0..100.'),
    grade: z
      .enum(['A', 'B', 'C', 'D', 'F'])
      .nullable()
      .describe('A >= 90, B >= 80, C >= 70, D >= 60, else F.'),
    checks: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          status: z
            .string()
            .describe(
              '`pass`; `fail` (it did not hold, or its value is unmeasured); `missing` (its evidence was not uploaded).',
            ),
          fact: z.string().describe('The fact tested, e.g. `tests.failed`.'),
          observed: factValue(z)
            .nullable()
            .describe("The fact's value; null when not measured."),
          observedText: z.string().nullable(),
          operator: z.string(),
          threshold: factValue(z).describe(
            "The threshold for the entity's tier.",
          ),
          thresholdText: z.string(),
          weight: z.number(),
          scored: z.boolean().describe('Whether it counts toward the score.'),
          enforcement: z
            .record(z.string())
            .describe(
              'Per environment, what a failing check does there: `fail`, `warn` or `off`.',
            ),
          reason: z.string(),
          fixHint: z.string(),
        }),
      )
      .describe('Every check of the policy, as the release was scored.'),
    gates: z
      .array(z.object({ environment: z.string(), decision: z.string() }))
      .describe(
        "The policy's decision per environment, in promotion order (before waivers and overrides).",
      ),
    evidence: z
      .array(
        z.object({
          kind: z.string(),
          format: z.string(),
          uploadedAt: z.string(),
          uploadedBy: z.string(),
          environment: z.string().nullable(),
        }),
      )
      .describe(
        'The current piece of each kind of evidence (the latest upload of that kind). A kind absent here was never uploaded.',
      ),
    waivers: z
      .array(waiverOutput(z))
      .describe(
        'The active waivers whose versions include this release; each leaves its check out of the gate of its environment.',
      ),
  });

function toScoreOutput(release: ReleaseRecord) {
  const evaluation = release.evaluation;
  return {
    entityRef: release.entityRef,
    version: release.version,
    tier: evaluation?.tier ?? null,
    evaluatedAt: evaluation?.evaluatedAt ?? null,
    score: evaluation?.score ?? null,
    grade: evaluation?.grade ?? null,
    checks: (evaluation?.checks ?? []).map(c => ({
      id: c.id,
      title: c.title,
      status: c.status,
      fact: c.fact,
      observed: c.observed,
      observedText: c.observedText,
      operator: c.operator,
      threshold: c.threshold,
      thresholdText: c.thresholdText,
      weight: c.weight,
      scored: c.scored,
      enforcement: c.enforcement,
      reason: c.reason,
      fixHint: c.fixHint,
    })),
    gates: (evaluation?.gates ?? []).map(g => ({
      environment: g.environment,
      decision: g.decision,
    })),
    evidence: release.evidence.map(e => ({
      kind: e.kind,
      format: e.format,
      uploadedAt: e.uploadedAt,
      uploadedBy: e.uploadedBy,
      environment: e.environment,
    })),
    waivers: release.waivers
      .filter(w => w.status === 'active')
      .map(toWaiverOutput),
  };
}

/**
 * `explain-release-score`: why a release scored what it did, from the release the HTTP route
 * `GET .../releases/:version` answers with.
 */
export function registerReleaseScoreAction(
  services: ScorecardsActionServices,
): void {
  services.actionsRegistry.register({
    name: 'explain-release-score',
    title: "Explain a release's score",
    description: [
      'Why version `version` of a catalog entity scored what it did: its score and grade, every',
      'policy check with its status, the fact it tests, the observed value, the threshold and its',
      'weight, the evidence uploaded (which kinds, when, by whom) and the active waivers. Use it',
      'to explain a failing gate or to say which evidence is missing. Reads only; needs',
      '`scorecards.release.read`, and answers only for entities the caller may read (a release',
      'without any evidence is not found).',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: releaseInput, output: scoreOutput },
    examples: [
      {
        title: 'Why did inventory 4.2.0 get its grade?',
        input: { entityRef: 'component:default/inventory', version: '4.2.0' },
      },
    ],
    action: async ({ input, credentials }) => {
      const access = await releaseReaderAccess(services, credentials);
      const release = await services.scorecards.getRelease(
        {
          entityRef: entityRefInput(input.entityRef, 'entityRef'),
          version: input.version,
        },
        access,
      );
      return { output: toScoreOutput(release) };
    },
  });
}
