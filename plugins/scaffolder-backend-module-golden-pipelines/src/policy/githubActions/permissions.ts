import { callsWaybill } from '../../pipeline/scripts';
import { AddViolation, Obj, isObj } from '../pipelineYaml';
import { CLOUD_LOGIN_ACTIONS } from './credentials';
import { usesOf } from './steps';

/** What a job does that justifies a write scope of its token. */
function justifiedWrites(job: Obj): Set<string> {
  const steps = Array.isArray(job.steps) ? job.steps.filter(isObj) : [];
  const uses = steps.map(usesOf);
  const runs = steps.map(s => (typeof s.run === 'string' ? s.run : ''));
  const need = new Set<string>();
  if (
    uses.some(
      u =>
        Object.values(CLOUD_LOGIN_ACTIONS).some(a => u.startsWith(a)) ||
        u.startsWith('sigstore/cosign-installer@') ||
        u.startsWith('actions/attest-build-provenance@'),
    ) ||
    runs.some(
      r =>
        /ACTIONS_ID_TOKEN_REQUEST_URL|\bcosign\s+(?:sign|attest)\b/.test(r) ||
        callsWaybill(r),
    )
  ) {
    need.add('id-token');
  }
  if (uses.some(u => u.startsWith('github/codeql-action/'))) {
    need.add('security-events');
  }
  if (
    uses.some(
      u =>
        u.startsWith('docker/login-action@') ||
        u.startsWith('docker/build-push-action@') ||
        u.startsWith('actions/attest-build-provenance@'),
    ) ||
    runs.some(r => /\bdocker\s+push\b|\bcosign\s+(?:sign|attest)\b/.test(r))
  ) {
    need.add('packages');
  }
  if (uses.some(u => u.startsWith('actions/attest-build-provenance@'))) {
    need.add('attestations');
  }
  return need;
}

function writeScopes(permissions: unknown): string[] | 'write-all' {
  if (permissions === 'write-all') return 'write-all';
  if (!isObj(permissions)) return [];
  return Object.entries(permissions)
    .filter(([, v]) => v === 'write')
    .map(([k]) => k);
}

/** least-privilege: the workflow's default token grants nothing; jobs grant what they need. */
export function checkWorkflowPermissions(
  add: AddViolation,
  workflow: Obj,
): void {
  if (!('permissions' in workflow)) {
    add(
      'least-privilege',
      'permissions',
      'the workflow has no top-level permissions:, so jobs get the repository default token scopes; set permissions: {} and grant scopes per job',
    );
    return;
  }
  const top = writeScopes(workflow.permissions);
  if (top === 'write-all') {
    add(
      'least-privilege',
      'permissions',
      'permissions: write-all grants every scope to every job; set permissions: {} and grant scopes per job',
    );
    return;
  }
  for (const scope of top) {
    add(
      'least-privilege',
      `permissions.${scope}`,
      `${scope}: write is granted to every job at the top level; grant it only in the jobs that need it`,
    );
  }
}

/** least-privilege: a job grants only the write scopes one of its steps needs. */
export function checkJobPermissions(
  add: AddViolation,
  jobId: string,
  job: Obj,
): void {
  const where = `jobs.${jobId}`;
  const writes = writeScopes(job.permissions);
  if (writes === 'write-all') {
    add(
      'least-privilege',
      `${where}.permissions`,
      `job ${jobId} grants write-all; list only the scopes it needs`,
    );
    return;
  }
  const justified = justifiedWrites(job);
  for (const scope of writes) {
    if (!justified.has(scope)) {
      add(
        'least-privilege',
        `${where}.permissions.${scope}`,
        `job ${jobId} grants ${scope}: write, which none of its steps needs; remove it or lower it to read`,
      );
    }
  }
}
