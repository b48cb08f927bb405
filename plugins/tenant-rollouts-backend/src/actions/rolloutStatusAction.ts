import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  RolloutView,
  WaveSummary,
} from '@waybill/plugin-tenant-rollouts-common';
import { entityRefInput } from '@waybill/plugin-waybill-node';
import {
  READ_ONLY,
  rolloutReaderAccess,
  TenantRolloutsActionServices,
  Zod,
} from './tenantRolloutsActionContext';

/** The status answers no tenants: its waves' counts are the board's summaries. */
const STATUS_ONLY = { limit: 1 };

const statusInput = (z: Zod) =>
  z.object({
    rolloutId: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The rollout; or give `entityRef` and `version` instead.'),
    entityRef: z
      .string()
      .min(1)
      .optional()
      .describe(
        'With `version`: the latest rollout of this release, e.g. `component:default/inventory` (a bare name is read as a Component).',
      ),
    version: z.string().min(1).max(255).optional(),
  });

const waveRef = (z: Zod) => z.object({ index: z.number(), name: z.string() });

const blockerOutput = (z: Zod) =>
  z.object({
    kind: z
      .enum(['gate', 'health', 'bake', 'freeze'])
      .describe(
        '`gate`: the scorecards gate holds the release back; `health`: too few tenants of the current wave are healthy; `bake`: the current wave has not baked yet; `freeze`: tenants of the next wave are in a freeze window.',
      ),
    message: z.string().describe('The blocker in one sentence.'),
    wave: waveRef(z).optional(),
    gate: z
      .object({
        decision: z.enum(['pass', 'warn', 'fail', 'absent']),
        passed: z.boolean(),
        reasons: z.array(
          z.object({
            checkId: z.string(),
            title: z.string(),
            reason: z.string(),
            enforcement: z.enum(['fail', 'warn']),
          }),
        ),
      })
      .optional(),
    healthy: z.number().optional(),
    total: z.number().optional(),
    needed: z.number().optional(),
    failing: z.number().optional(),
    until: z.string().optional().describe('When the wave has baked.'),
    frozen: z.number().optional(),
    opensAt: z
      .string()
      .optional()
      .describe('When the last frozen tenant opens, and the wave can go.'),
    tenants: z
      .array(
        z.object({
          ref: z.string(),
          title: z.string(),
          status: z.string().optional(),
          detail: z.string().nullable().optional(),
          opensAt: z.string().optional(),
          windows: z
            .array(
              z.object({ id: z.string(), title: z.string(), end: z.string() }),
            )
            .optional(),
        }),
      )
      .optional()
      .describe(
        'The first 20 of the failing or frozen tenants the caller may read.',
      ),
    unlisted: z
      .number()
      .optional()
      .describe(
        'Failing or frozen tenants the caller may read that `tenants` leaves out.',
      ),
  });

const statusOutput = (z: Zod) =>
  z.object({
    id: z.number(),
    entityRef: z.string(),
    version: z.string(),
    environment: z.string(),
    state: z
      .string()
      .describe(
        '`planned`, `running`, `paused`, `rolled-back` or `completed`.',
      ),
    currentWave: z.number().describe('Index of the wave being deployed.'),
    updatedAt: z.string(),
    evaluatedAt: z
      .string()
      .describe('When the freezes, the gate and the blockers were evaluated.'),
    waves: z.array(
      z.object({
        index: z.number(),
        name: z.string(),
        phase: z.enum(['done', 'current', 'upcoming']),
        total: z
          .number()
          .describe('Tenants of the wave (those the caller may read).'),
        healthy: z.number(),
        frozen: z.number().describe('Tenants in a freeze window now.'),
        statuses: z
          .record(z.number())
          .describe(
            'Tenants per status: pending, deploying, healthy, degraded, failed, rolled-back.',
          ),
        bakeMinutes: z.number(),
        healthThreshold: z.number(),
      }),
    ),
    gate: z
      .object({
        decision: z.enum(['pass', 'warn', 'fail', 'absent']),
        passed: z.boolean(),
        message: z.string(),
      })
      .optional()
      .describe(
        'The scorecards gate of the release in the environment, while the rollout can still deploy a wave.',
      ),
    nextActions: z
      .array(
        z.object({
          action: z.string(),
          wave: waveRef(z).optional(),
          ready: z.boolean().describe('Nothing blocks it now.'),
          blockers: z.array(blockerOutput(z)),
        }),
      )
      .describe(
        "What the rollout's state allows now (the buttons of its board), each with what blocks it. Empty once completed or rolled back.",
      ),
  });

function waveOutput(wave: WaveSummary) {
  const statuses = { ...wave.counts };
  const { index, name, phase, total, healthy, frozen } = wave;
  const { bakeMinutes, healthThreshold } = wave;
  return {
    index,
    name,
    phase,
    total,
    healthy,
    frozen,
    statuses,
    bakeMinutes,
    healthThreshold,
  };
}

function toStatusOutput(view: RolloutView) {
  const { id, entityRef, version, environment, state, currentWave } = view;
  return {
    id,
    entityRef,
    version,
    environment,
    state,
    currentWave,
    updatedAt: view.updatedAt,
    evaluatedAt: view.evaluatedAt,
    waves: view.waves.map(waveOutput),
    gate: view.gate && {
      decision: view.gate.decision,
      passed: view.gate.passed,
      message: view.gate.message,
    },
    nextActions: view.nextActions,
  };
}

/** The rollout an input names: by id, or the latest of a release. */
async function rolloutOf(
  services: TenantRolloutsActionServices,
  input: { rolloutId?: number; entityRef?: string; version?: string },
  credentials: BackstageCredentials,
): Promise<RolloutView> {
  const access = await rolloutReaderAccess(services, credentials);
  if (input.rolloutId !== undefined) {
    return services.rollouts.get(input.rolloutId, access, STATUS_ONLY);
  }
  if (!input.entityRef || !input.version) {
    throw new InputError('Give rolloutId, or entityRef and version');
  }
  const entityRef = entityRefInput(input.entityRef, 'entityRef');
  const filter = { entityRef, version: input.version, limit: 1 };
  const [latest] = (await services.rollouts.list(filter, access)).filter(
    r => r.version === input.version,
  );
  if (!latest) {
    throw new NotFoundError(`No rollout of ${entityRef} ${input.version}`);
  }
  return services.rollouts.get(latest.id, access, STATUS_ONLY);
}

/**
 * `get-rollout-status`: where a tenant rollout is and what blocks it, from the board the HTTP
 * route `GET /rollouts/:id` answers with.
 */
export function registerRolloutStatusAction(
  services: TenantRolloutsActionServices,
): void {
  services.actionsRegistry.register({
    name: 'get-rollout-status',
    title: 'Tenant rollout status and blockers',
    description: [
      'Where a tenant rollout of a release is: its state, each wave with its tenant counts (by',
      'status, healthy, frozen now), the scorecards gate, and what its next actions (start,',
      "advance, complete, ...) would be refused on now: the gate, the current wave's health or",
      'bake time, or freeze windows over the next wave, as the rollout board shows them. Name the',
      'rollout by `rolloutId`, or by `entityRef` and `version` for the latest rollout of that',
      'release. Reads only; needs `tenant-rollouts.read`, and shows only what the caller may read.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: statusInput, output: statusOutput },
    examples: [
      {
        title: 'What holds up the rollout of inventory 5.3.0?',
        input: { entityRef: 'component:default/inventory', version: '5.3.0' },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: toStatusOutput(await rolloutOf(services, input, credentials)),
    }),
  });
}
