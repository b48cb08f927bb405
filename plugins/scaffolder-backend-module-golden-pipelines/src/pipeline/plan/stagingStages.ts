import { PipelineModel } from '../model';
import { pipelineCommand } from '../scripts';
import { STAGING_ENVIRONMENT } from '../stages';
import { install, job, PlanContext, saveReports } from './jobs';
import { PlanJob, PlanStep, PlanValue } from './types';
import {
  cloudEnv,
  imageDigest,
  imageRef,
  waybillUrl,
  workloadEnv,
} from './values';

const stagingUrl: Record<string, PlanValue> = {
  STAGING_URL: { kind: 'variable', name: 'STAGING_URL' },
};

/** `terraform fmt` and `validate` of each cloud's infrastructure. */
export function iacValidationJob({ matrix }: PlanContext): PlanJob {
  return job({
    id: 'iac-validation',
    stage: 'iac-validation',
    needs: ['source-validation'],
    matrix,
    steps: [
      { type: 'checkout' },
      { type: 'setup-terraform' },
      {
        type: 'run',
        name: 'terraform fmt and validate infra/<cloud>',
        script: pipelineCommand('iac-validate'),
        env: { CLOUD: { kind: 'matrix-cloud' } },
      },
    ],
  });
}

/** Integration tests, and contract tests against the provider APIs, when the tier requires them. */
export function integrationTestJobs({ model, has }: PlanContext): PlanJob[] {
  if (!has('integration-tests')) return [];
  return [
    job({
      id: 'integration-tests',
      stage: 'integration-tests',
      needs: ['build'],
      permissions: model.contractApis.length > 0 ? ['id-token'] : [],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'Integration tests',
          script: pipelineCommand('integration-tests'),
        },
        ...(model.contractApis.length > 0
          ? [
              {
                type: 'run' as const,
                name: `Contract tests against ${model.contractApis
                  .map(a => `${a.api} ${a.range}`)
                  .join(', ')}`,
                script: pipelineCommand('contract-tests'),
                env: { WAYBILL_URL: waybillUrl },
                waybill: true,
              },
            ]
          : []),
        saveReports('integration-test-reports', ['reports/junit/']),
      ],
    }),
  ];
}

function deploySteps(model: PipelineModel, environment: string): PlanStep[] {
  return [
    { type: 'checkout' },
    { type: 'cloud-login', clouds: model.clouds },
    {
      type: 'run',
      name: `Deploy to ${environment} (${model.deployStrategy})`,
      script: pipelineCommand('deploy', environment),
      env: {
        ...cloudEnv(model.clouds),
        ...workloadEnv(model),
        IMAGE: imageRef,
        DIGEST: imageDigest,
      },
    },
  ];
}

/** The deployment to staging on every cloud, and the smoke tests against it. */
export function stagingJobs({ model, has, matrix }: PlanContext): PlanJob[] {
  return [
    job({
      id: 'deploy-staging',
      stage: 'deploy-staging',
      needs: [
        'image-build',
        'signing-provenance',
        'iac-validation',
        ...(has('integration-tests') ? ['integration-tests'] : []),
      ],
      when: 'main',
      matrix,
      environment: {
        name: STAGING_ENVIRONMENT,
        production: false,
        approval: false,
      },
      permissions: ['id-token'],
      steps: deploySteps(model, STAGING_ENVIRONMENT),
    }),
    job({
      id: 'smoke-tests',
      stage: 'smoke-tests',
      needs: ['deploy-staging'],
      when: 'main',
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'Smoke tests against staging',
          script: pipelineCommand('smoke-tests'),
          env: stagingUrl,
        },
        saveReports('smoke-test-reports', ['reports/staging/junit/smoke.xml']),
      ],
    }),
  ];
}

/**
 * The rollback drill on staging, for every tier: the gate's supply-chain and previous-version
 * checks read the readiness document (only critical services must have the stage, to the policy).
 */
export function rollbackReadinessJob({ model }: PlanContext): PlanJob {
  const cloud = model.clouds[0];
  return job({
    id: 'rollback-readiness',
    stage: 'rollback-readiness',
    needs: ['smoke-tests'],
    when: 'main',
    permissions: ['id-token'],
    steps: [
      { type: 'checkout' },
      ...install,
      { type: 'cloud-login', clouds: [cloud] },
      {
        type: 'run',
        name: `Rollback drill on staging (${cloud}): the previous release redeploys and serves`,
        script: pipelineCommand('rollback-drill'),
        env: {
          ...stagingUrl,
          ...cloudEnv([cloud], cloud),
          ...workloadEnv(model),
        },
      },
      saveReports('readiness', ['reports/staging/readiness.json']),
    ],
  });
}
