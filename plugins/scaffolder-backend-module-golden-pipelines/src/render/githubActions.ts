import { stringify } from 'yaml';
import { GENERATED_YAML } from './yamlStyle';
import { PipelinePlan } from '../pipeline/plan';
import { generatedHeader } from './generatedHeader';
import { envExpressions } from './githubActions/expressions';
import { renderJob } from './githubActions/jobs';
import { withVersionComments } from './githubActions/versionComments';

/** Where the GitHub Actions workflow of a golden pipeline is written. */
export const GITHUB_WORKFLOW_PATH = '.github/workflows/golden-pipeline.yml';

/**
 * The pipeline script's `waybill_token` on GitHub Actions: a fresh OIDC ID token of the job for
 * audience `waybill` (Waybill's `externalAccess` of type `jwks`) at every call, since a wave job
 * may wait longer than a token lives.
 */
export const GITHUB_WAYBILL_TOKEN = [
  'waybill_token() {',
  '  curl -fsS -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \\',
  '    "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=waybill" | jq -r .value',
  '}',
].join('\n');

/** Renders the plan as one GitHub Actions workflow, every action pinned by commit SHA. */
export function renderGithubActions(plan: PipelinePlan): {
  path: string;
  content: string;
} {
  const jobs: Record<string, unknown> = {};
  for (const job of plan.jobs) jobs[job.id] = renderJob(job);
  const workflow = {
    name: `Golden pipeline: ${plan.model.name}`,
    on: {
      push: { branches: ['main'] },
      pull_request: { branches: ['main'] },
    },
    // Every job states what it needs; nothing is granted by default.
    permissions: {},
    env: envExpressions(plan.env),
    concurrency: {
      group: 'golden-pipeline-${{ github.ref }}',
      'cancel-in-progress': false,
    },
    jobs,
  };
  const yaml = stringify(workflow, GENERATED_YAML);
  return {
    path: GITHUB_WORKFLOW_PATH,
    content: generatedHeader(plan) + withVersionComments(yaml),
  };
}
