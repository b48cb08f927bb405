import { RolloutStrategy } from '@waybill/plugin-tenant-rollouts-common';
import { businessProcessNames } from '../model';
import { CRITICAL_TENANTS_WAVE } from '../rolloutStrategy';
import { pipelineCommand } from '../scripts';
import {
  CRITICAL_TENANTS_ENVIRONMENT,
  PRODUCTION_ENVIRONMENT,
  PRODUCTION_WAVES_ENVIRONMENT,
} from '../stages';
import {
  BAKE_WAIT_MARGIN_MINUTES,
  gateStep,
  install,
  job,
  PlanContext,
} from './jobs';
import { PlanJob, RunStep } from './types';
import {
  cloudEnv,
  imageDigest,
  imageRef,
  rolloutId,
  waybillEnv,
  workloadEnv,
} from './values';

/** The tenant waves' jobs, and where the last of them leaves the rollout. */
export type TenantWaves = {
  jobs: PlanJob[];
  /** The id of the last wave's job (`production-approval` when there is no wave). */
  lastWave: string;
  /** The bake time of the last wave, which the next job may wait for. */
  lastBake: number;
};

function tenantWaveStep(
  { model }: PlanContext,
  wave: RolloutStrategy['waves'][number],
  index: number,
  waitMinutes: number,
): RunStep {
  return {
    type: 'run',
    name: `Enter wave ${wave.name}, deploy its tenants on this cloud and report them`,
    script: pipelineCommand('tenant-wave'),
    env: {
      ...waybillEnv(model),
      ...cloudEnv(model.clouds),
      ...workloadEnv(model),
      ROLLOUT_ID: rolloutId,
      WAVE: { kind: 'literal', value: wave.name },
      WAVE_INDEX: { kind: 'literal', value: String(index) },
      BAKE_WAIT_MINUTES: {
        kind: 'literal',
        value: String(waitMinutes),
      },
      IMAGE: imageRef,
      DIGEST: imageDigest,
    },
    waybill: true,
  };
}

/**
 * One job per wave of the strategy, each on every cloud, after the previous wave: the critical
 * tenants' wave needs a second approval.
 */
export function tenantWaveJobs(
  context: PlanContext,
  strategy: RolloutStrategy,
): TenantWaves {
  const { model, matrix } = context;
  const jobs: PlanJob[] = [];
  let previousWave = 'production-approval';
  let previousBake = 0;
  strategy.waves.forEach((wave, index) => {
    const critical = wave.name === CRITICAL_TENANTS_WAVE;
    const waitMinutes = previousBake + BAKE_WAIT_MARGIN_MINUTES;
    const id = `tenant-rollout-${wave.name}`;
    jobs.push(
      job({
        id,
        stage: 'tenant-rollout',
        title: `Tenant wave ${wave.name}`,
        needs: [
          'source-validation',
          'image-build',
          'production-approval',
          ...(previousWave === 'production-approval' ? [] : [previousWave]),
        ],
        when: 'main',
        matrix,
        environment: {
          name: critical
            ? CRITICAL_TENANTS_ENVIRONMENT
            : PRODUCTION_WAVES_ENVIRONMENT,
          production: true,
          approval: critical,
        },
        permissions: ['id-token'],
        timeoutMinutes: waitMinutes + 30,
        steps: [
          { type: 'checkout' },
          gateStep(model, PRODUCTION_ENVIRONMENT),
          { type: 'cloud-login', clouds: model.clouds },
          tenantWaveStep(context, wave, index, waitMinutes),
        ],
      }),
    );
    previousWave = id;
    previousBake = wave.bakeMinutes;
  });
  return { jobs, lastWave: previousWave, lastBake: previousBake };
}

/** The business transactions in production after the last wave, when the tier requires them. */
export function businessCheckJobs(
  { model, has }: PlanContext,
  lastWave: string,
): PlanJob[] {
  if (!has('business-checks')) return [];
  return [
    job({
      id: 'business-checks',
      stage: 'business-checks',
      needs: ['source-validation', lastWave],
      when: 'main',
      permissions: ['id-token'],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name:
            model.businessProcesses.length > 0
              ? `Business transactions: ${businessProcessNames(model).join(
                  ', ',
                )}`
              : 'Business transactions',
          script: pipelineCommand('business-checks'),
          env: {
            ...waybillEnv(model),
            PRODUCTION_URL: { kind: 'variable', name: 'PRODUCTION_URL' },
          },
          waybill: true,
        },
      ],
    }),
  ];
}

/** Completes the rollout once the last wave has baked, and records the deployment. */
export function completeRolloutJob(
  { model, has }: PlanContext,
  { lastWave, lastBake }: TenantWaves,
): PlanJob {
  const completeWait = lastBake + BAKE_WAIT_MARGIN_MINUTES;
  return job({
    id: 'tenant-rollout-complete',
    // After the business checks, in their stage: GitLab needs no job of a later stage.
    stage: has('business-checks') ? 'business-checks' : 'tenant-rollout',
    title: 'Complete the tenant rollout',
    needs: [
      'source-validation',
      'production-approval',
      has('business-checks') ? 'business-checks' : lastWave,
    ],
    when: 'main',
    environment: {
      name: PRODUCTION_WAVES_ENVIRONMENT,
      production: true,
      approval: false,
    },
    permissions: ['id-token'],
    timeoutMinutes: completeWait + 30,
    steps: [
      { type: 'checkout' },
      {
        type: 'run',
        name: 'Complete the rollout once the last wave has baked, and record the deployment',
        script: pipelineCommand('complete-rollout'),
        env: {
          ...waybillEnv(model),
          ROLLOUT_ID: rolloutId,
          BAKE_WAIT_MINUTES: { kind: 'literal', value: String(completeWait) },
        },
        waybill: true,
      },
    ],
  });
}
