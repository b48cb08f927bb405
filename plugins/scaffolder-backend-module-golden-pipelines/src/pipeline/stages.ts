import { Tier } from '@waybill/plugin-waybill-common';

/** Every stage a golden pipeline can have, in pipeline order. */
export const STAGES = [
  { id: 'source-validation', title: 'Source validation' },
  { id: 'build', title: 'Build' },
  { id: 'unit-tests', title: 'Unit tests' },
  { id: 'sbom', title: 'SBOM (CycloneDX)' },
  // Scans the SBOM, so after it.
  { id: 'dependency-scan', title: 'Dependency scan' },
  { id: 'sast', title: 'SAST (SARIF)' },
  { id: 'image-build', title: 'Image build' },
  { id: 'signing-provenance', title: 'Signing and provenance' },
  { id: 'iac-validation', title: 'IaC validation' },
  { id: 'integration-tests', title: 'Integration and contract tests' },
  { id: 'deploy-staging', title: 'Deploy to staging' },
  { id: 'smoke-tests', title: 'Smoke tests' },
  { id: 'rollback-readiness', title: 'Rollback readiness' },
  { id: 'evidence-gate', title: 'Evidence upload and gate check' },
  { id: 'production-approval', title: 'Approval for production' },
  { id: 'tenant-rollout', title: 'Progressive rollout by tenant wave' },
  {
    id: 'business-checks',
    title: 'Post-deployment business-transaction checks',
  },
] as const;

/** The id of a pipeline stage. */
export type StageId = (typeof STAGES)[number]['id'];

const ALL_STAGE_IDS = STAGES.map(s => s.id) as StageId[];

/**
 * Stages each tier must have. Internal services skip integration tests, rollback readiness and
 * business checks; standard services add integration tests and business checks; critical
 * services also prove rollback readiness before the gate.
 */
export const REQUIRED_STAGES: Record<Tier, readonly StageId[]> = {
  internal: ALL_STAGE_IDS.filter(
    s =>
      s !== 'integration-tests' &&
      s !== 'rollback-readiness' &&
      s !== 'business-checks',
  ),
  standard: ALL_STAGE_IDS.filter(s => s !== 'rollback-readiness'),
  critical: ALL_STAGE_IDS,
};

/** The title of a stage, for messages. */
export function stageTitle(id: StageId): string {
  return STAGES.find(s => s.id === id)?.title ?? id;
}

/**
 * Gate decisions a tier accepts before promotion: critical services need `pass`, others also
 * go ahead on `warn` (the scorecards gate's `decision`, after overrides).
 */
export const ACCEPTED_GATE_DECISIONS: Record<Tier, readonly string[]> = {
  critical: ['pass'],
  standard: ['pass', 'warn'],
  internal: ['pass', 'warn'],
};

/** Protected environments: production, and for critical services a second approval. */
export const PRODUCTION_ENVIRONMENT = 'production';
/**
 * The environment of the wave jobs: protected to the default branch but without reviewers,
 * since GitHub asks for an approval in every job that names an environment with reviewers.
 */
export const PRODUCTION_WAVES_ENVIRONMENT = 'production-waves';
/** The environment whose approval releases the last wave of a critical service. */
export const CRITICAL_TENANTS_ENVIRONMENT = 'production-critical-tenants';
/** The staging environment. */
export const STAGING_ENVIRONMENT = 'staging';
