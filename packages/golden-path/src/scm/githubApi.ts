import { execFileSync } from 'node:child_process';
import { ApiResult } from './fakeApi';
import { GitHttpBackend } from './gitHttpBackend';

interface Repo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  visibility: string;
  description?: string;
  dir: string;
  /** Each environment created, with the GitHub App ids of its custom protection rules. */
  environments: Map<string, number[]>;
}

const NOT_FOUND: ApiResult = { status: 404, json: { message: 'Not Found' } };

/**
 * The routes of a fake GitHub's REST API (see `startFakeGithub`): organizations with their
 * teams, and repositories created in them, each a real bare repository.
 */
export class GithubApi {
  /** http://127.0.0.1:port, once the fake listens. */
  baseUrl = '';
  private readonly repos = new Map<string, Repo>();
  private nextId = 1000;

  constructor(
    private readonly options: {
      git: GitHttpBackend;
      organizations: Record<string, { teams: string[] }>;
      htmlBaseUrl?: string;
    },
  ) {}

  /** Answers an authenticated API request; `path` is the path under /api/v3. */
  handle(
    method: string,
    path: string,
    query: Record<string, string>,
    body: any,
    accept: string,
  ): ApiResult {
    const users = /^\/users\/([^/]+)$/.exec(path);
    const orgRepos = /^\/orgs\/([^/]+)\/repos$/.exec(path);
    const repoPath = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(path);
    if (method === 'GET' && users) {
      const org = this.options.organizations[users[1]];
      if (!org) return NOT_FOUND;
      return {
        status: 200,
        json: { login: users[1], id: 1, type: 'Organization' },
      };
    }
    if (method === 'POST' && orgRepos)
      return this.createRepo(orgRepos[1], body);
    if (repoPath) {
      const repo = this.repos.get(`${repoPath[1]}/${repoPath[2]}`);
      if (!repo) return NOT_FOUND;
      return this.repoRoute(repo, method, path, repoPath[3] ?? '', {
        query,
        body,
        accept,
      });
    }
    if (method === 'GET' && team) {
      const teams = this.options.organizations[team[1]]?.teams ?? [];
      const index = teams.indexOf(team[2]);
      if (index < 0) return NOT_FOUND;
      return {
        status: 200,
        json: { id: 500 + index, slug: team[2], name: team[2] },
      };
    }
    return NOT_FOUND;
  }

  private repoJson(r: Repo) {
    const { baseUrl, options } = this;
    return {
      id: r.id,
      node_id: `R_${r.id}`,
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: { login: r.owner, type: 'Organization' },
      private: r.private,
      visibility: r.visibility,
      description: r.description ?? null,
      default_branch: 'main',
      html_url: `${options.htmlBaseUrl ?? baseUrl}/${r.owner}/${r.name}`,
      url: `${baseUrl}/api/v3/repos/${r.owner}/${r.name}`,
      clone_url: `${options.git.baseUrl}/${r.owner}/${r.name}.git`,
    };
  }

  /** `POST /orgs/:org/repos`: a new bare repository; a taken or missing name is refused. */
  private createRepo(owner: string, body: any): ApiResult {
    if (!this.options.organizations[owner]) return NOT_FOUND;
    if (!body?.name || this.repos.has(`${owner}/${body.name}`))
      return {
        status: 422,
        json: { message: 'Repository creation failed.' },
      };
    const visibility = body.visibility ?? (body.private ? 'private' : 'public');
    const repo: Repo = {
      id: this.nextId++,
      owner,
      name: body.name,
      private: visibility !== 'public',
      visibility,
      description: body.description,
      dir: this.options.git.createRepository(owner, body.name),
      environments: new Map(),
    };
    this.repos.set(`${owner}/${body.name}`, repo);
    return { status: 201, json: this.repoJson(repo) };
  }

  /**
   * `/repos/:owner/:repo` and under it (`rest`): the repository, branch protection (echoed),
   * environments (echoed) and their custom deployment protection rules, and the contents API
   * reading what was pushed.
   */
  private repoRoute(
    repo: Repo,
    method: string,
    path: string,
    rest: string,
    request: { query: Record<string, string>; body: any; accept: string },
  ): ApiResult {
    const { body } = request;
    const protection = /^\/branches\/([^/]+)\/protection$/.exec(rest);
    const environment = /^\/environments\/([^/]+)$/.exec(rest);
    const rules = /^\/environments\/([^/]+)\/deployment_protection_rules$/.exec(
      rest,
    );
    const contents = /^\/contents\/(.+)$/.exec(rest);
    if (method === 'GET' && rest === '') {
      return { status: 200, json: this.repoJson(repo) };
    }
    if (method === 'PUT' && protection) {
      return {
        status: 200,
        json: { url: `${this.baseUrl}/api/v3${path}`, ...body },
      };
    }
    if (rules) {
      return this.protectionRules(
        repo,
        decodeURIComponent(rules[1]),
        method,
        body,
      );
    }
    if (method === 'PUT' && environment) {
      const name = decodeURIComponent(environment[1]);
      if (!repo.environments.has(name)) repo.environments.set(name, []);
      return {
        status: 200,
        json: {
          id: this.nextId++,
          name: decodeURIComponent(environment[1]),
          ...body,
        },
      };
    }
    if (method === 'GET' && contents) {
      return contentsOf(
        repo,
        contents[1],
        request.query.ref || 'main',
        request.accept,
      );
    }
    return NOT_FOUND;
  }

  /**
   * `GET` and `POST /repos/:owner/:repo/environments/:name/deployment_protection_rules`: the
   * custom rules (GitHub Apps) of an environment created before, as GitHub answers them.
   */
  private protectionRules(
    repo: Repo,
    name: string,
    method: string,
    body: any,
  ): ApiResult {
    const apps = repo.environments.get(name);
    if (!apps) return NOT_FOUND;
    const ruleJson = (appId: number) => ({
      id: appId * 10,
      node_id: `CDPR_${appId}`,
      enabled: true,
      app: { id: appId, slug: `app-${appId}`, node_id: `A_${appId}` },
    });
    if (method === 'GET') {
      return {
        status: 200,
        json: {
          total_count: apps.length,
          custom_deployment_protection_rules: apps.map(ruleJson),
        },
      };
    }
    if (method === 'POST' && Number.isInteger(body?.integration_id)) {
      if (apps.includes(body.integration_id)) {
        return { status: 422, json: { message: 'Validation Failed' } };
      }
      apps.push(body.integration_id);
      return { status: 201, json: ruleJson(body.integration_id) };
    }
    return { status: 422, json: { message: 'Invalid request.' } };
  }

  /** The GitHub App ids of an environment's custom protection rules (undefined: no environment). */
  protectionRuleApps(
    owner: string,
    name: string,
    environment: string,
  ): number[] | undefined {
    return this.repos.get(`${owner}/${name}`)?.environments.get(environment);
  }
}

/** `GET /repos/:owner/:repo/contents/:path`: the file at `ref`, raw or base64 in JSON. */
function contentsOf(
  repo: Repo,
  filePath: string,
  ref: string,
  accept: string,
): ApiResult {
  let content: Buffer;
  try {
    content = execFileSync(
      'git',
      ['show', `${ref}:${decodeURIComponent(filePath)}`],
      { cwd: repo.dir, stdio: 'pipe' },
    );
  } catch {
    return NOT_FOUND;
  }
  if (accept.includes('raw')) return { status: 200, raw: content };
  return {
    status: 200,
    json: {
      type: 'file',
      encoding: 'base64',
      path: filePath,
      content: content.toString('base64'),
    },
  };
}
