import { RolloutStrategy } from '@waybill/plugin-tenant-rollouts-common';
import { Cloud, PipelineModel } from './model';
import { CRITICAL_TENANTS_WAVE, ROLLOUT_STRATEGIES } from './rolloutStrategy';
import {
  ACCEPTED_GATE_DECISIONS,
  CRITICAL_TENANTS_ENVIRONMENT,
  PRODUCTION_ENVIRONMENT,
  PRODUCTION_WAVES_ENVIRONMENT,
  REQUIRED_STAGES,
  STAGES,
  STAGING_ENVIRONMENT,
  StageId,
  stageTitle,
} from './stages';
import { pipelineCommand } from './scripts';

/**
 * A value a step reads from its environment, named by what it is rather than by how a CI
 * provider spells it; the renderers translate it (`${{ github.sha }}` vs `$CI_COMMIT_SHA`).
 * Untrusted data never reaches a script except through one of these, as an environment variable.
 */
export type PlanValue =
  | { kind: 'context'; name: 'commit' | 'run-url' | 'repository' }
  | { kind: 'variable'; name: string }
  | { kind: 'job-output'; job: string; output: string }
  | { kind: 'literal'; value: string }
  /** The cloud of a matrix job's leg (see `PlanJob.matrix`). */
  | { kind: 'matrix-cloud' };

/** One step of a job, provider-neutral. */
export type PlanStep =
  | { type: 'checkout' }
  | { type: 'setup-node' }
  | {
      type: 'run';
      name: string;
      script: string;
      env?: Record<string, PlanValue>;
      /** Names of the outputs the script writes as `name=value` lines to "$PIPELINE_OUTPUT". */
      outputs?: string[];
      /** The script calls Waybill with the job's OIDC ID token (audience `waybill`). */
      waybill?: boolean;
    }
  /** Signs in to one of the clouds: the one of the matrix leg when there are several. */
  | { type: 'cloud-login'; clouds: Cloud[] }
  | { type: 'setup-terraform' }
  | { type: 'sast' }
  | { type: 'dependency-scan' }
  | { type: 'image-build'; image: PlanValue }
  | { type: 'sign'; image: PlanValue; digest: PlanValue }
  | {
      type: 'save-reports';
      name: string;
      /** The directory the paths have in common: artifact stores keep paths relative to it. */
      root: string;
      paths: string[];
    }
  | { type: 'load-reports'; reports: Array<{ name: string; root: string }> };

/** Write scopes a job may be granted; every job also reads the repository. */
export type PlanPermission =
  | 'id-token'
  | 'security-events'
  | 'packages'
  | 'attestations';

/** One job of the plan. */
export type PlanJob = {
  id: string;
  stage: StageId;
  title: string;
  needs: string[];
  /** One leg per cloud, each reading its cloud as the `matrix-cloud` value. */
  matrix?: { clouds: Cloud[] };
  /** `main`: only for pushes to the default branch (deployments); `always`: every change. */
  when: 'always' | 'main';
  environment?: {
    name: string;
    production: boolean;
    /** True when entering the environment needs a person's approval (protection rules). */
    approval: boolean;
  };
  permissions: PlanPermission[];
  /** How long the job may run; a wave job also waits, bounded, for the previous wave's bake time. */
  timeoutMinutes: number;
  /** Outputs other jobs read: output name → the step output of the same name. */
  outputs: string[];
  steps: PlanStep[];
};

/** The provider-neutral plan of a golden pipeline. */
export type PipelinePlan = {
  model: PipelineModel;
  /**
   * Values every step that reads them reads alike (the service, the Waybill URL, the commit,
   * the clusters): set once for the whole pipeline rather than in each step.
   */
  env: Record<string, PlanValue>;
  stages: StageId[];
  /** The service's rollout strategy, in tenant rollouts' own type; `waves` are its wave names. */
  strategy: RolloutStrategy;
  waves: string[];
  acceptedGateDecisions: string[];
  jobs: PlanJob[];
};

const commit: PlanValue = { kind: 'context', name: 'commit' };
const runUrl: PlanValue = { kind: 'context', name: 'run-url' };
const waybillUrl: PlanValue = { kind: 'variable', name: 'WAYBILL_URL' };
const version: PlanValue = {
  kind: 'job-output',
  job: 'source-validation',
  output: 'version',
};
const imageRef: PlanValue = {
  kind: 'job-output',
  job: 'image-build',
  output: 'image',
};
const imageDigest: PlanValue = {
  kind: 'job-output',
  job: 'image-build',
  output: 'digest',
};
const rolloutId: PlanValue = {
  kind: 'job-output',
  job: 'production-approval',
  output: 'rollout-id',
};

/**
 * The variables the pipeline script reads to reach a cloud's cluster (none of them secret: the
 * sign-in is OIDC federation, whose own variables the sign-in steps read).
 */
export const CLUSTER_VARIABLES: Record<Cloud, string[]> = {
  aws: ['AWS_REGION', 'AWS_EKS_CLUSTER'],
  azure: ['AZURE_RESOURCE_GROUP', 'AZURE_AKS_CLUSTER'],
  gcp: ['GCP_PROJECT', 'GCP_REGION', 'GCP_GKE_CLUSTER'],
};

/** The cluster variables of every cloud the service deploys to, and the leg's own cloud. */
function cloudEnv(clouds: Cloud[], cloud?: Cloud): Record<string, PlanValue> {
  return {
    ...Object.fromEntries(
      clouds
        .flatMap(c => CLUSTER_VARIABLES[c])
        .map(n => [n, { kind: 'variable', name: n } as PlanValue]),
    ),
    CLOUD: cloud ? { kind: 'literal', value: cloud } : { kind: 'matrix-cloud' },
  };
}

function workloadEnv(model: PipelineModel): Record<string, PlanValue> {
  return {
    SERVICE: { kind: 'literal', value: model.name },
    NAMESPACE: { kind: 'literal', value: namespaceOf(model) },
  };
}

function waybillEnv(model: PipelineModel): Record<string, PlanValue> {
  return {
    WAYBILL_URL: waybillUrl,
    COMPONENT: { kind: 'literal', value: model.name },
    VERSION: version,
    COMMIT: commit,
    RUN_URL: runUrl,
  };
}

function job(
  partial: Omit<
    PlanJob,
    'title' | 'outputs' | 'permissions' | 'when' | 'timeoutMinutes'
  > &
    Partial<
      Pick<
        PlanJob,
        'title' | 'outputs' | 'permissions' | 'when' | 'timeoutMinutes'
      >
    >,
): PlanJob {
  return {
    title: stageTitle(partial.stage),
    outputs: [],
    permissions: [],
    when: 'always',
    timeoutMinutes: 30,
    ...partial,
  };
}

/** The directory every path shares, which artifact stores keep the paths relative to. */
function commonRoot(paths: string[]): string {
  const parts = paths.map(p => p.replace(/\/$/, '').split('/'));
  const dirs = parts.map((segments, i) =>
    paths[i].endsWith('/') ? segments : segments.slice(0, -1),
  );
  const root: string[] = [];
  for (let i = 0; dirs.every(d => i < d.length && d[i] === dirs[0][i]); i++) {
    root.push(dirs[0][i]);
  }
  return root.join('/') || '.';
}

function saveReports(name: string, paths: string[]): PlanStep {
  return { type: 'save-reports', name, root: commonRoot(paths), paths };
}

const install: PlanStep[] = [
  { type: 'setup-node' },
  { type: 'run', name: 'Install', script: 'npm ci --ignore-scripts' },
];

/** Minutes a wave job may wait for the previous wave's bake time before giving up. */
const BAKE_WAIT_MARGIN_MINUTES = 15;

function gateStep(model: PipelineModel, environment: string): PlanStep {
  return {
    type: 'run',
    name: `Ask the scorecards gate whether ${model.name} may enter ${environment}`,
    script: pipelineCommand('gate', environment),
    env: waybillEnv(model),
    waybill: true,
  };
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

/**
 * Plans the golden pipeline of a service: which jobs, in which order, with which permissions,
 * environments and approvals. Pure: the same model always gives the same plan, and both CI
 * renderers draw from it, so they cannot disagree about the policy.
 */
export function planPipeline(model: PipelineModel): PipelinePlan {
  const stages = [...REQUIRED_STAGES[model.tier]];
  const strategy = ROLLOUT_STRATEGIES[model.tier];
  const jobs: PlanJob[] = [];
  const has = (stage: StageId) => stages.includes(stage);

  jobs.push(
    job({
      id: 'source-validation',
      stage: 'source-validation',
      needs: [],
      outputs: ['version'],
      steps: [
        { type: 'checkout' },
        { type: 'setup-node' },
        {
          type: 'run',
          name: 'Install exactly the locked dependencies',
          script: 'npm ci --ignore-scripts',
        },
        {
          type: 'run',
          name: 'Lint, format and type-check',
          script: 'npm run lint\nnpm run format:check\nnpm run typecheck',
        },
        {
          type: 'run',
          name: 'Validate catalog-info.yaml, manifests and rollout strategy',
          script:
            'node scripts/validate-repository.mjs catalog-info.yaml waybill/rollout-strategy.yaml deploy/kubernetes',
        },
        {
          type: 'run',
          name: 'Release version',
          script: pipelineCommand('release-version'),
          env: { COMMIT: commit },
          outputs: ['version'],
        },
      ],
    }),
  );

  jobs.push(
    job({
      id: 'build',
      stage: 'build',
      needs: ['source-validation'],
      steps: [
        { type: 'checkout' },
        ...install,
        { type: 'run', name: 'Build', script: 'npm run build' },
        saveReports('build-output', ['dist/']),
      ],
    }),
  );

  jobs.push(
    job({
      id: 'unit-tests',
      stage: 'unit-tests',
      needs: ['source-validation'],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'Unit tests with JUnit and LCOV reports',
          script: 'npm run test:unit',
        },
        saveReports('unit-test-reports', [
          'reports/junit/unit.xml',
          'reports/coverage/lcov.info',
        ]),
      ],
    }),
  );

  jobs.push(
    job({
      id: 'sbom',
      stage: 'sbom',
      needs: ['source-validation'],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'SBOM of what the image ships (CycloneDX, from the lockfile)',
          script: 'npm run sbom',
        },
        saveReports('sbom', ['reports/sbom.cdx.json']),
      ],
    }),
  );

  jobs.push(
    job({
      id: 'dependency-scan',
      stage: 'dependency-scan',
      needs: ['sbom'],
      steps: [
        {
          type: 'load-reports',
          reports: [{ name: 'sbom', root: reportRoot(jobs, 'sbom') }],
        },
        { type: 'dependency-scan' },
        saveReports('dependency-reports', ['reports/dependencies.cdx.json']),
      ],
    }),
  );

  jobs.push(
    job({
      id: 'sast',
      stage: 'sast',
      needs: ['source-validation'],
      permissions: ['security-events'],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'ESLint findings as SARIF',
          script: 'npm run lint:sarif',
        },
        { type: 'sast' },
        saveReports('sast-reports', ['reports/sast/']),
      ],
    }),
  );

  const imageName: PlanValue = { kind: 'variable', name: 'IMAGE_REPOSITORY' };
  jobs.push(
    job({
      id: 'image-build',
      stage: 'image-build',
      needs: ['build', 'unit-tests', 'dependency-scan', 'sast', 'sbom'],
      permissions: ['packages'],
      outputs: ['image', 'digest'],
      steps: [{ type: 'checkout' }, { type: 'image-build', image: imageName }],
    }),
  );

  jobs.push(
    job({
      id: 'signing-provenance',
      stage: 'signing-provenance',
      needs: ['image-build'],
      when: 'main',
      permissions: ['id-token', 'packages'],
      // What verifying the signature and the provenance found, for the readiness evidence.
      outputs: ['signature-verified', 'slsa-level'],
      steps: [{ type: 'sign', image: imageRef, digest: imageDigest }],
    }),
  );

  const matrix = { clouds: model.clouds };
  jobs.push(
    job({
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
    }),
  );

  if (has('integration-tests')) {
    jobs.push(
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
    );
  }

  jobs.push(
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
  );
  const stagingUrl: Record<string, PlanValue> = {
    STAGING_URL: { kind: 'variable', name: 'STAGING_URL' },
  };

  jobs.push(
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
  );

  // Every tier: the gate's supply-chain and previous-version checks read the readiness
  // document (only critical services must have the stage, to the policy).
  {
    const cloud = model.clouds[0];
    jobs.push(
      job({
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
              SIGNATURE_VERIFIED: {
                kind: 'job-output',
                job: 'signing-provenance',
                output: 'signature-verified',
              },
              PROVENANCE_SLSA_LEVEL: {
                kind: 'job-output',
                job: 'signing-provenance',
                output: 'slsa-level',
              },
            },
          },
          saveReports('readiness', ['reports/staging/readiness.json']),
        ],
      }),
    );
  }

  const reports = [
    'unit-test-reports',
    'dependency-reports',
    'sast-reports',
    ...(has('integration-tests') ? ['integration-test-reports'] : []),
    'smoke-test-reports',
    'readiness',
  ];
  jobs.push(
    job({
      id: 'evidence-gate',
      stage: 'evidence-gate',
      needs: ['source-validation', 'smoke-tests', 'rollback-readiness'],
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
          env: waybillEnv(model),
          waybill: true,
        },
        gateStep(model, PRODUCTION_ENVIRONMENT),
      ],
    }),
  );

  jobs.push(
    job({
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
    }),
  );

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
          {
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
          },
        ],
      }),
    );
    previousWave = id;
    previousBake = wave.bakeMinutes;
  });

  if (has('business-checks')) {
    jobs.push(
      job({
        id: 'business-checks',
        stage: 'business-checks',
        needs: ['source-validation', previousWave],
        when: 'main',
        permissions: ['id-token'],
        steps: [
          { type: 'checkout' },
          ...install,
          {
            type: 'run',
            name:
              model.businessProcesses.length > 0
                ? `Business transactions: ${model.businessProcesses.join(', ')}`
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
    );
  }

  const completeWait = previousBake + BAKE_WAIT_MARGIN_MINUTES;
  jobs.push(
    job({
      id: 'tenant-rollout-complete',
      // After the business checks, in their stage: GitLab needs no job of a later stage.
      stage: has('business-checks') ? 'business-checks' : 'tenant-rollout',
      title: 'Complete the tenant rollout',
      needs: [
        'source-validation',
        'production-approval',
        has('business-checks') ? 'business-checks' : previousWave,
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
    }),
  );

  return {
    model,
    // The required stages, and any other stage a job of the plan is in, in pipeline order.
    stages: STAGES.map(st => st.id).filter(
      id => stages.includes(id) || jobs.some(j => j.stage === id),
    ),
    strategy,
    waves: strategy.waves.map(w => w.name),
    acceptedGateDecisions: [...ACCEPTED_GATE_DECISIONS[model.tier]],
    ...withSharedEnv(jobs.map(withOutputSources)),
  };
}

/**
 * Moves the step values that are the same wherever they appear (not job outputs or matrix
 * values, which vary by job) to the pipeline's own environment.
 */
function withSharedEnv(jobs: PlanJob[]): {
  env: Record<string, PlanValue>;
  jobs: PlanJob[];
} {
  const seen = new Map<string, string | null>();
  for (const j of jobs) {
    for (const step of j.steps) {
      if (step.type !== 'run') continue;
      for (const [name, value] of Object.entries(step.env ?? {})) {
        const key =
          value.kind === 'job-output' || value.kind === 'matrix-cloud'
            ? null
            : JSON.stringify(value);
        seen.set(name, seen.has(name) && seen.get(name) !== key ? null : key);
      }
    }
  }
  const env: Record<string, PlanValue> = {};
  for (const [name, key] of seen) if (key) env[name] = JSON.parse(key);
  const strip = (step: PlanStep): PlanStep => {
    if (step.type !== 'run' || !step.env) return step;
    const own = Object.entries(step.env).filter(([name]) => !(name in env));
    return {
      ...step,
      env: own.length ? Object.fromEntries(own) : undefined,
    };
  };
  return {
    env,
    jobs: jobs.map(j => ({ ...j, steps: j.steps.map(strip) })),
  };
}

function namespaceOf(model: PipelineModel): string {
  return model.namespace ?? model.name;
}

/** Where a job loads a report to: the root its producer saved it from. */
function reportRoot(jobs: PlanJob[], name: string): string {
  for (const j of jobs) {
    for (const step of j.steps) {
      if (step.type === 'save-reports' && step.name === name) return step.root;
    }
  }
  throw new Error(`no job saves the report ${name}`);
}

/** A job must name, among its needs, every job whose outputs it reads. */
function withOutputSources(j: PlanJob): PlanJob {
  const sources = new Set<string>();
  const visit = (v: PlanValue) => {
    if (v.kind === 'job-output' && v.job !== j.id) sources.add(v.job);
  };
  for (const step of j.steps) {
    if (step.type === 'run') Object.values(step.env ?? {}).forEach(visit);
    if (step.type === 'image-build') visit(step.image);
    if (step.type === 'sign') {
      visit(step.image);
      visit(step.digest);
    }
  }
  const needs = [...j.needs];
  for (const s of sources) if (!needs.includes(s)) needs.push(s);
  return { ...j, needs };
}
