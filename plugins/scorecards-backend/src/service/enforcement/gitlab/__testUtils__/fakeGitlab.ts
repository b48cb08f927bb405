import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user of the fake, and the token it calls with. */
export interface FakeGitlabUser {
  id: number;
  username: string;
  token: string;
}

/** A protected environment's approval rule naming one user. */
interface ApprovalRule {
  id: number;
  user_id: number;
  required_approvals: number;
}

interface Approval {
  user: { id: number; username: string };
  status: 'approved' | 'rejected';
  comment: string;
  ruleId: number;
}

/** A deployment of the fake and its job. */
export interface FakeDeployment {
  id: number;
  iid: number;
  project: string;
  environment: string;
  sha: string;
  ref: string;
  status: 'blocked' | 'created' | 'running' | 'failed';
  job: {
    id: number;
    name: string;
    status: 'manual' | 'pending' | 'failed';
    failure_reason?: string;
  };
  approvals: Approval[];
}

interface ProtectedEnvironment {
  rules: ApprovalRule[];
  /** The users who may run its jobs. */
  deployers: number[];
}

/**
 * A fake of the part of GitLab's REST API v4 that deployment approvals use, on loopback,
 * following GitLab's `Deployments::ApprovalService`: only a user an environment's approval rule
 * names may review a blocked deployment, once; a comment is at most 255 characters; a rejection
 * fails the job (`deployment_rejected`); once no approval is pending the deployment is unblocked
 * and its job waits as a manual job, which only a deployer of the environment may play.
 */
export class FakeGitlab {
  readonly requests: Array<{ method: string; path: string; body: unknown }> =
    [];
  readonly #environments = new Map<string, ProtectedEnvironment>();
  readonly #deployments: FakeDeployment[] = [];
  readonly #projects = new Set<string>();
  #nextId = 7000;

  private constructor(
    private readonly server: http.Server,
    private readonly users: FakeGitlabUser[],
  ) {}

  static async start(users: FakeGitlabUser[]): Promise<FakeGitlab> {
    const server = http.createServer();
    const fake = new FakeGitlab(server, users);
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    return fake;
  }

  get apiBaseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/v4`;
  }

  close(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()));
  }

  /** Protects an environment of a project with one approval rule per approver. */
  protect(
    project: string,
    environment: string,
    options: { approvers: number[]; deployers: number[] },
  ): void {
    this.#projects.add(project);
    this.#environments.set(`${project} ${environment}`, {
      rules: options.approvers.map(userId => ({
        id: this.#nextId++,
        user_id: userId,
        required_approvals: 1,
      })),
      deployers: options.deployers,
    });
  }

  /** A pipeline's job reaching a protected environment: its deployment is blocked. */
  block(
    project: string,
    deployment: { environment: string; sha: string; ref?: string },
  ): FakeDeployment {
    this.#projects.add(project);
    const created: FakeDeployment = {
      id: this.#nextId++,
      iid: this.#deployments.length + 1,
      project,
      environment: deployment.environment,
      sha: deployment.sha,
      ref: deployment.ref ?? 'main',
      status: 'blocked',
      job: {
        id: this.#nextId++,
        name: `deploy-${deployment.environment}`,
        status: 'manual',
      },
      approvals: [],
    };
    this.#deployments.push(created);
    return created;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = text ? JSON.parse(text) : undefined;
      const method = req.method ?? 'GET';
      this.requests.push({ method, path: url.pathname, body });
      const user = this.users.find(
        u => u.token === req.headers['private-token'],
      );
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (!user) {
        send(401, { message: '401 Unauthorized' });
        return;
      }
      const [status, value] = this.route(method, url, body, user);
      send(status, value);
    });
  }

  private route(
    method: string,
    url: URL,
    body: any,
    user: FakeGitlabUser,
  ): [number, unknown] {
    const path = url.pathname.replace(/^\/api\/v4/, '');
    if (method === 'GET' && path === '/user') {
      return [200, { id: user.id, username: user.username, state: 'active' }];
    }
    const match =
      /^\/projects\/([^/]+)\/(deployments|jobs)(?:\/(\d+)(?:\/(approval|play))?)?$/.exec(
        path,
      );
    const project = match ? decodeURIComponent(match[1]) : '';
    if (!match || !this.#projects.has(project)) {
      return [404, { message: '404 Project Not Found' }];
    }
    const [, , collection, id, action] = match;
    if (collection === 'jobs') {
      const deployment = this.#deployments.find(d => d.job.id === Number(id));
      return method === 'POST' && action === 'play' && deployment
        ? this.play(deployment, user)
        : [404, { message: '404 Not found' }];
    }
    if (method === 'GET' && !id) {
      const perPage = Number(url.searchParams.get('per_page') ?? 20);
      const page = Number(url.searchParams.get('page') ?? 1);
      const status = url.searchParams.get('status');
      const listed = this.#deployments
        .filter(d => d.project === project && (!status || d.status === status))
        .slice((page - 1) * perPage, page * perPage);
      return [200, listed.map(d => this.listed(d))];
    }
    const deployment = this.#deployments.find(
      d => d.project === project && d.id === Number(id),
    );
    if (!deployment) return [404, { message: '404 Deployment Not Found' }];
    if (method === 'GET' && !action) return [200, this.detail(deployment)];
    if (method === 'POST' && action === 'approval') {
      return this.approve(deployment, user, body ?? {});
    }
    return [404, { message: '404 Not found' }];
  }

  private environmentOf(deployment: FakeDeployment) {
    return this.#environments.get(
      `${deployment.project} ${deployment.environment}`,
    );
  }

  private pending(deployment: FakeDeployment): number {
    const rules = this.environmentOf(deployment)?.rules ?? [];
    return rules.reduce((sum, rule) => {
      const given = deployment.approvals.filter(
        a => a.ruleId === rule.id && a.status === 'approved',
      ).length;
      return sum + Math.max(0, rule.required_approvals - given);
    }, 0);
  }

  private listed(d: FakeDeployment) {
    return {
      id: d.id,
      iid: d.iid,
      ref: d.ref,
      sha: d.sha,
      status: d.status,
      created_at: '2026-12-06T08:00:00.000Z',
      environment: { id: 1, name: d.environment },
      deployable: {
        id: d.job.id,
        name: d.job.name,
        status: d.job.status,
        stage: 'deploy',
      },
    };
  }

  private detail(d: FakeDeployment) {
    const approvalJson = (a: Approval) => ({
      user: a.user,
      status: a.status,
      comment: a.comment,
      created_at: '2026-12-06T08:01:00.000Z',
    });
    return {
      ...this.listed(d),
      pending_approval_count: this.pending(d),
      approvals: d.approvals.map(approvalJson),
      approval_summary: {
        rules: (this.environmentOf(d)?.rules ?? []).map(rule => ({
          id: rule.id,
          user_id: rule.user_id,
          group_id: null,
          access_level: null,
          required_approvals: rule.required_approvals,
          deployment_approvals: d.approvals
            .filter(a => a.ruleId === rule.id)
            .map(approvalJson),
        })),
      },
    };
  }

  private approve(
    deployment: FakeDeployment,
    user: FakeGitlabUser,
    body: { status?: string; comment?: string },
  ): [number, unknown] {
    const environment = this.environmentOf(deployment);
    const rule = environment?.rules.find(r => r.user_id === user.id);
    const comment = body.comment ?? '';
    const refusal =
      (body.status !== 'approved' &&
        body.status !== 'rejected' &&
        'Unrecognized approval status.') ||
      (!environment && 'This environment is not protected.') ||
      (deployment.status !== 'blocked' &&
        'This deployment is not waiting for approvals.') ||
      (!rule &&
        "You don't have permission to approve this deployment. Contact the project or group owner for help.") ||
      (comment.length > 255 &&
        'Validation failed: Comment is too long (maximum is 255 characters)');
    if (refusal) return [400, { message: refusal }];
    const status = body.status as Approval['status'];
    const approval: Approval = {
      user: { id: user.id, username: user.username },
      status,
      comment,
      ruleId: rule!.id,
    };
    deployment.approvals = [
      ...deployment.approvals.filter(a => a.user.id !== user.id),
      approval,
    ];
    if (status === 'rejected') {
      deployment.job.status = 'failed';
      deployment.job.failure_reason = 'deployment_rejected';
      deployment.status = 'failed';
    } else if (this.pending(deployment) <= 0) {
      // Unblocked; the job stays manual for a deployer to run.
      deployment.status = 'created';
    }
    return [201, { user: approval.user, status, comment }];
  }

  private play(
    deployment: FakeDeployment,
    user: FakeGitlabUser,
  ): [number, unknown] {
    if (!this.environmentOf(deployment)?.deployers.includes(user.id)) {
      return [403, { message: '403 Forbidden' }];
    }
    if (deployment.job.status !== 'manual' || deployment.status === 'blocked') {
      return [400, { message: '400 Unplayable Job' }];
    }
    deployment.job.status = 'pending';
    deployment.status = 'running';
    return [200, { id: deployment.job.id, status: 'pending' }];
  }
}
