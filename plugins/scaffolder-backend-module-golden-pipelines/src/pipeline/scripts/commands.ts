/** Where the pipeline's script is written, relative to the repository root. */
export const PIPELINE_SCRIPT_PATH = 'scripts/golden-pipeline.sh';

/** The commands of the pipeline script. */
export type PipelineCommand =
  | 'release-version'
  | 'iac-validate'
  | 'integration-tests'
  | 'contract-tests'
  | 'deploy'
  | 'smoke-tests'
  | 'rollback-drill'
  | 'evidence-upload'
  | 'gate'
  | 'plan-rollout'
  | 'tenant-wave'
  | 'complete-rollout'
  | 'business-checks';

/** The commands that call Waybill, so their job needs an OIDC ID token with audience `waybill`. */
export const WAYBILL_COMMANDS: ReadonlySet<PipelineCommand> = new Set([
  'contract-tests',
  'evidence-upload',
  'gate',
  'plan-rollout',
  'tenant-wave',
  'complete-rollout',
  'business-checks',
]);

/**
 * Whether a shell line runs a command of the pipeline script that calls Waybill, which
 * authenticates with the job's OIDC ID token: the policy counts that as using the token.
 */
export function callsWaybill(shell: string): boolean {
  return [...WAYBILL_COMMANDS].some(command =>
    shell.includes(`${PIPELINE_SCRIPT_PATH} ${command}`),
  );
}

/** The shell line a step runs for one command of the script. */
export function pipelineCommand(
  command: PipelineCommand,
  argument?: string,
): string {
  return ['bash', PIPELINE_SCRIPT_PATH, command, argument]
    .filter(Boolean)
    .join(' ');
}
