import { RolloutStrategy } from '@waybill/plugin-tenant-rollouts-common';
import { Cloud, PipelineModel } from '../model';
import { StageId } from '../stages';

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

/** A step that runs a shell script. */
export type RunStep = Extract<PlanStep, { type: 'run' }>;

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
