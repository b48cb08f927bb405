import { CustomErrorBase } from '@backstage/errors';
import { GitlabDeploymentGate } from '@waybill/plugin-waybill-node';
import { z } from 'zod';

/**
 * GitLab answered a request with a non-2xx status, an answer of another shape than its API
 * documents, or could not be reached. Its message names the request and GitLab's answer.
 */
export class GitlabApiError extends CustomErrorBase {
  name = 'GitlabApiError' as const;

  constructor(message: string, readonly status?: number, cause?: unknown) {
    super(message, cause);
  }
}

const REQUEST_TIMEOUT_MS = 10_000;
/** GitLab's largest page. */
const PAGE_SIZE = 100;
/** How many pages of blocked deployments one project is read for: 1,000 deployments. */
const MAX_PAGES = 10;
/** How much of GitLab's answer an error message carries. */
const MAX_ERROR_BODY_CHARS = 500;

const user = z.object({ id: z.number().int(), username: z.string() });

const deployment = z.object({
  id: z.number().int(),
  iid: z.number().int(),
  sha: z.string(),
  ref: z.string(),
  status: z.string(),
  environment: z.object({ name: z.string() }),
  deployable: z
    .object({ id: z.number().int(), name: z.string(), status: z.string() })
    .nullish(),
});

const approval = z.object({
  user,
  status: z.enum(['approved', 'rejected']),
});

/** A deployment as `GET /projects/:id/deployments/:deployment_id` answers (Premium). */
const deploymentDetail = deployment.extend({
  pending_approval_count: z.number().int(),
  approvals: z.array(approval),
  /** GitLab 15.x and later: the environment's approval rules with the approvals given under each. */
  approval_summary: z
    .object({
      rules: z.array(
        z.object({
          user_id: z.number().int().nullish(),
          group_id: z.number().int().nullish(),
          access_level: z.number().int().nullish(),
          required_approvals: z.number().int(),
          deployment_approvals: z.array(approval).nullish(),
        }),
      ),
    })
    .nullish(),
});

/** A deployment in a project's list. */
export type GitlabDeployment = z.infer<typeof deployment>;
/** One deployment with its approvals. */
export type GitlabDeploymentDetail = z.infer<typeof deploymentDetail>;

/**
 * The part of GitLab's REST API v4 that Waybill's approver uses, as its user (a `PRIVATE-TOKEN`):
 * who it is, the blocked deployments of a project, one deployment's approvals, approving or
 * rejecting one, and starting an approved manual job. Every answer is checked against the shape
 * GitLab documents; a redirect is answered as an error, never followed with the token.
 */
export class GitlabApi {
  readonly #apiBaseUrl: string;
  readonly #token: string;

  constructor(gate: GitlabDeploymentGate) {
    this.#apiBaseUrl = gate.apiBaseUrl;
    this.#token = gate.token;
  }

  /** `GET /user`: Waybill's approver. */
  async currentUser(): Promise<z.infer<typeof user>> {
    return user.parse(await this.#json('GET', '/user'));
  }

  /**
   * `GET /projects/:id/deployments?status=blocked`: the project's deployments waiting for
   * approvals, oldest first, up to 1,000.
   */
  async blockedDeployments(project: string): Promise<GitlabDeployment[]> {
    const found: GitlabDeployment[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await this.#json(
        'GET',
        `${projectPath(
          project,
        )}/deployments?status=blocked&order_by=id&sort=asc&per_page=${PAGE_SIZE}&page=${page}`,
      );
      const items = this.#shaped(
        z.array(deployment),
        answer,
        'blocked deployments',
      );
      found.push(...items);
      if (items.length < PAGE_SIZE) break;
    }
    return found;
  }

  /** `GET /projects/:id/deployments/:deployment_id`, with its approvals. */
  async deployment(
    project: string,
    deploymentId: number,
  ): Promise<GitlabDeploymentDetail> {
    return this.#shaped(
      deploymentDetail,
      await this.#json(
        'GET',
        `${projectPath(project)}/deployments/${deploymentId}`,
      ),
      `deployment ${deploymentId}`,
    );
  }

  /** `POST /projects/:id/deployments/:deployment_id/approval`: approves or rejects it. */
  async review(
    project: string,
    deploymentId: number,
    review: { status: 'approved' | 'rejected'; comment: string },
  ): Promise<void> {
    await this.#json(
      'POST',
      `${projectPath(project)}/deployments/${deploymentId}/approval`,
      review,
    );
  }

  /** `POST /projects/:id/jobs/:job_id/play`: starts a manual job. */
  async playJob(project: string, jobId: number): Promise<void> {
    await this.#json('POST', `${projectPath(project)}/jobs/${jobId}/play`);
  }

  #shaped<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      throw new GitlabApiError(
        `GitLab's answer for ${what} is not of the documented shape: ${parsed.error.issues
          .slice(0, 3)
          .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ')}`,
      );
    }
    return parsed.data;
  }

  async #json(method: string, path: string, body?: object): Promise<unknown> {
    const url = `${this.#apiBaseUrl}${path}`;
    const what = `${method} ${path.replace(/\?.*$/, '')}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          'PRIVATE-TOKEN': this.#token,
          'User-Agent': 'waybill-scorecards',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new GitlabApiError(
        `Could not reach GitLab for ${what}`,
        undefined,
        error,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw new GitlabApiError(
        `GitLab answered ${response.status} to ${what}: ${
          text.slice(0, MAX_ERROR_BODY_CHARS) || '(empty body)'
        }`,
        response.status,
      );
    }
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      throw new GitlabApiError(`GitLab's answer to ${what} is not JSON`);
    }
  }
}

/** `/projects/:id` for a project's full path (`group/subgroup/name`), URL-encoded as GitLab asks. */
function projectPath(project: string): string {
  return `/projects/${encodeURIComponent(project)}`;
}
