import { pipelineCommand } from '../scripts';
import { PRODUCTION_ENVIRONMENT } from '../stages';
import { gateStep, job, PlanContext, reportRoot } from './jobs';
import { PlanJob } from './types';
import { imageDigest, waybillEnv } from './values';

/** Uploads every report as evidence, then asks the scorecards gate about production. */
export function evidenceGateJob(
  { model, has }: PlanContext,
  /** The jobs planned so far, which save the reports. */
  jobs: PlanJob[],
): PlanJob {
  const reports = [
    'unit-test-reports',
    'dependency-reports',
    'sast-reports',
    ...(has('integration-tests') ? ['integration-test-reports'] : []),
    'smoke-test-reports',
    'readiness',
    'supply-chain',
  ];
  return job({
    id: 'evidence-gate',
    stage: 'evidence-gate',
    needs: [
      'source-validation',
      'signing-provenance',
      'smoke-tests',
      'rollback-readiness',
    ],
    when: 'main',
    permissions: ['id-token'],
    steps: [
      { type: 'checkout' },
      {
        type: 'load-reports',
        reports: reports.map(name => ({
          name,
          root: reportRoot(jobs, name),
        })),
      },
      {
        type: 'run',
        name: 'Upload evidence to the scorecards API',
        script: pipelineCommand('evidence-upload'),
        env: { ...waybillEnv(model), DIGEST: imageDigest },
        waybill: true,
      },
      gateStep(model, PRODUCTION_ENVIRONMENT),
    ],
  });
}

/** The approval to enter production, which plans the tenant rollout. */
export function productionApprovalJob({ model }: PlanContext): PlanJob {
  return job({
    id: 'production-approval',
    stage: 'production-approval',
    needs: ['source-validation', 'evidence-gate'],
    when: 'main',
    environment: {
      name: PRODUCTION_ENVIRONMENT,
      production: true,
      approval: true,
    },
    permissions: ['id-token'],
    outputs: ['rollout-id'],
    steps: [
      { type: 'checkout' },
      {
        type: 'run',
        name: 'Plan the tenant rollout from waybill/rollout-strategy.yaml',
        script: pipelineCommand('plan-rollout'),
        env: waybillEnv(model),
        outputs: ['rollout-id'],
        waybill: true,
      },
    ],
  });
}
