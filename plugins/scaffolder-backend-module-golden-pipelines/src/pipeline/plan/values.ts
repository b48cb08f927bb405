import { Cloud, PipelineModel } from '../model';
import { PlanValue } from './types';

/** Values of the pipeline's context and variables, and the outputs later jobs read. */
export const commit: PlanValue = { kind: 'context', name: 'commit' };
export const runUrl: PlanValue = { kind: 'context', name: 'run-url' };
export const waybillUrl: PlanValue = { kind: 'variable', name: 'WAYBILL_URL' };
export const version: PlanValue = {
  kind: 'job-output',
  job: 'source-validation',
  output: 'version',
};
export const imageRef: PlanValue = {
  kind: 'job-output',
  job: 'image-build',
  output: 'image',
};
export const imageDigest: PlanValue = {
  kind: 'job-output',
  job: 'image-build',
  output: 'digest',
};
export const rolloutId: PlanValue = {
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
