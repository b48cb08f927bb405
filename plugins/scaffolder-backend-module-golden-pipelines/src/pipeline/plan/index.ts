import { PipelineModel } from '../model';
import { ROLLOUT_STRATEGIES } from '../rolloutStrategy';
import { ACCEPTED_GATE_DECISIONS, REQUIRED_STAGES, STAGES } from '../stages';
import { withOutputSources, withSharedEnv } from './finalize';
import { PlanContext } from './jobs';
import { evidenceGateJob, productionApprovalJob } from './productionStages';
import { buildAndUnitTestJobs, sourceValidationJob } from './sourceStages';
import {
  iacValidationJob,
  integrationTestJobs,
  rollbackReadinessJob,
  stagingJobs,
} from './stagingStages';
import { imageJobs, scanJobs } from './supplyChainStages';
import {
  businessCheckJobs,
  completeRolloutJob,
  tenantWaveJobs,
} from './tenantRolloutStages';
import { PipelinePlan, PlanJob } from './types';

export type {
  PipelinePlan,
  PlanJob,
  PlanPermission,
  PlanStep,
  PlanValue,
  RunStep,
} from './types';
export { CLUSTER_VARIABLES } from './values';

/**
 * Plans the golden pipeline of a service: which jobs, in which order, with which permissions,
 * environments and approvals. Pure: the same model always gives the same plan, and both CI
 * renderers draw from it, so they cannot disagree about the policy.
 */
export function planPipeline(model: PipelineModel): PipelinePlan {
  const stages = [...REQUIRED_STAGES[model.tier]];
  const strategy = ROLLOUT_STRATEGIES[model.tier];
  const context: PlanContext = {
    model,
    has: stage => stages.includes(stage),
    matrix: { clouds: model.clouds },
  };

  const jobs: PlanJob[] = [
    sourceValidationJob(),
    ...buildAndUnitTestJobs(),
    ...scanJobs(),
    ...imageJobs(),
    iacValidationJob(context),
    ...integrationTestJobs(context),
    ...stagingJobs(context),
    rollbackReadinessJob(context),
  ];
  jobs.push(evidenceGateJob(context, jobs), productionApprovalJob(context));
  const waves = tenantWaveJobs(context, strategy);
  jobs.push(
    ...waves.jobs,
    ...businessCheckJobs(context, waves.lastWave),
    completeRolloutJob(context, waves),
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
