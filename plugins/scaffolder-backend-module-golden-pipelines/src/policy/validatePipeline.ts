import { Tier } from '@waybill/plugin-waybill-common';
import { PolicyViolation } from './rules';
import { validateGithubWorkflow } from './validateGithubActions';
import { validateGitlabCi } from './validateGitlabCi';

/** The CI provider a file belongs to, from its path, or undefined for other files. */
export function pipelineProviderOf(
  path: string,
): 'github-actions' | 'gitlab-ci' | undefined {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github-actions';
  if (/(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) return 'gitlab-ci';
  return undefined;
}

/** Checks one pipeline file, GitHub Actions or GitLab CI by its path, against the policy. */
export function validatePipelineFile(
  path: string,
  content: string,
  tier: Tier,
): PolicyViolation[] {
  const provider = pipelineProviderOf(path);
  if (provider === 'github-actions') {
    return validateGithubWorkflow(content, path, tier);
  }
  if (provider === 'gitlab-ci') return validateGitlabCi(content, path, tier);
  throw new Error(
    `${path} is neither a GitHub Actions workflow (.github/workflows/*.yml) nor .gitlab-ci.yml`,
  );
}

/** One line per violation: `file location [rule] message`. */
export function formatViolations(violations: PolicyViolation[]): string {
  return violations
    .map(v => `${v.file} ${v.location} [${v.rule}] ${v.message}`)
    .join('\n');
}
