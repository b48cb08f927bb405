import { Cloud, PipelineModel } from '../model';
import { PlanValue } from './types';

/** The output `output` of the job `job`, which a later job reads. */
function jobOutput(job: string, output: string): PlanValue {
  return { kind: 'job-output', job, output };
}

/** Values of the pipeline's context and variables, and the outputs later jobs read. */
export const commit: PlanValue = { kind: 'context', name: 'commit' };
export const runUrl: PlanValue = { kind: 'context', name: 'run-url' };
export const waybillUrl: PlanValue = { kind: 'variable', name: 'WAYBILL_URL' };
export const version = jobOutput('source-validation', 'version');
export const imageRef = jobOutput('image-build', 'image');
export const imageDigest = jobOutput('image-build', 'digest');
export const rolloutId = jobOutput('production-approval', 'rollout-id');

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
export function cloudEnv(
  clouds: Cloud[],
  cloud?: Cloud,
): Record<string, PlanValue> {
  return {
    ...Object.fromEntries(
      clouds
        .flatMap(c => CLUSTER_VARIABLES[c])
        .map(n => [n, { kind: 'variable', name: n } as PlanValue]),
    ),
    CLOUD: cloud ? { kind: 'literal', value: cloud } : { kind: 'matrix-cloud' },
  };
}

/** The workload a deployment step rolls out. */
export function workloadEnv(model: PipelineModel): Record<string, PlanValue> {
  return {
    SERVICE: { kind: 'literal', value: model.name },
    NAMESPACE: { kind: 'literal', value: namespaceOf(model) },
  };
}

/** What a step calling Waybill reports about the release. */
export function waybillEnv(model: PipelineModel): Record<string, PlanValue> {
  return {
    WAYBILL_URL: waybillUrl,
    COMPONENT: { kind: 'literal', value: model.name },
    VERSION: version,
    COMMIT: commit,
    RUN_URL: runUrl,
  };
}

export function namespaceOf(model: PipelineModel): string {
  return model.namespace ?? model.name;
}
