import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { listenOnLoopback } from '../loopback';
import { GitHttpBackend } from './gitHttpBackend';

/** One request the fake was asked, as it arrived. */
export interface RecordedRequest {
  method: string;
  /** The path under the API base, without the query: /orgs/meridian/repos */
  path: string;
  query: Record<string, string>;
  body?: any;
}

export interface FakeGithub {
  /** http://127.0.0.1:port, the host the integration is configured for */
  baseUrl: string;
  /** host:port, as integrations.github[].host takes it */
  host: string;
  /** baseUrl + /api/v3 */
  apiBaseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

interface Repo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  visibility: string;
  description?: string;
  dir: string;
}

/**
 * A fake of the GitHub REST API (the GitHub Enterprise layout: API under /api/v3) on loopback.
 * It implements exactly what `publish:github`, `github:environment:create` and the catalog's
 * GitHub URL reader call, answers everything else 404, and records every request. Owners are
 * organizations with the teams given; a created repository is a real bare repository served by
 * `git` (its `clone_url`), and the contents API reads files from what was pushed to it.
 *
 * With `htmlBaseUrl` (e.g. `https://github.com`) the repositories' web addresses are on that
 * host, as they are when an integration for github.com has its `apiBaseUrl` on the fake: the
 * catalog then reads `https://github.com/<owner>/<repo>/blob/...` through the fake's API.
 */
export async function startFakeGithub(options: {
  token: string;
  git: GitHttpBackend;
  organizations: Record<string, { teams: string[] }>;
  /** The loopback port; a free one when 0 or absent. */
  port?: number;
  htmlBaseUrl?: string;
}): Promise<FakeGithub> {
  const requests: RecordedRequest[] = [];
  const repos = new Map<string, Repo>();
  let nextId = 1000;
  let baseUrl = '';

  const repoJson = (r: Repo) => ({
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
  });

  function handle(
    method: string,
    path: string,
    query: Record<string, string>,
    body: any,
    accept: string,
  ): { status: number; json?: unknown; raw?: Buffer } {
    const users = /^\/users\/([^/]+)$/.exec(path);
    const orgRepos = /^\/orgs\/([^/]+)\/repos$/.exec(path);
    const repoPath = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(path);
    if (method === 'GET' && users) {
      const m = users;
      const org = options.organizations[m[1]];
      if (!org) return { status: 404, json: { message: 'Not Found' } };
      return {
        status: 200,
        json: { login: m[1], id: 1, type: 'Organization' },
      };
    }
    if (method === 'POST' && orgRepos) {
      const owner = orgRepos[1];
      if (!options.organizations[owner])
        return { status: 404, json: { message: 'Not Found' } };
      if (!body?.name || repos.has(`${owner}/${body.name}`))
        return {
          status: 422,
          json: { message: 'Repository creation failed.' },
        };
      const visibility =
        body.visibility ?? (body.private ? 'private' : 'public');
      const repo: Repo = {
        id: nextId++,
        owner,
        name: body.name,
        private: visibility !== 'public',
        visibility,
        description: body.description,
        dir: options.git.createRepository(owner, body.name),
      };
      repos.set(`${owner}/${body.name}`, repo);
      return { status: 201, json: repoJson(repo) };
    }
    if (repoPath) {
      const m = repoPath;
      const repo = repos.get(`${m[1]}/${m[2]}`);
      if (!repo) return { status: 404, json: { message: 'Not Found' } };
      const rest = m[3] ?? '';
      const protection = /^\/branches\/([^/]+)\/protection$/.exec(rest);
      const environment = /^\/environments\/([^/]+)$/.exec(rest);
      const contents = /^\/contents\/(.+)$/.exec(rest);
      if (method === 'GET' && rest === '') {
        return { status: 200, json: repoJson(repo) };
      }
      if (method === 'PUT' && protection) {
        return {
          status: 200,
          json: { url: `${baseUrl}/api/v3${path}`, ...body },
        };
      }
      if (method === 'PUT' && environment) {
        return {
          status: 200,
          json: {
            id: nextId++,
            name: decodeURIComponent(environment[1]),
            ...body,
          },
        };
      }
      if (method === 'GET' && contents) {
        const r = contents;
        const ref = query.ref || 'main';
        let content: Buffer;
        try {
          content = execFileSync(
            'git',
            ['show', `${ref}:${decodeURIComponent(r[1])}`],
            { cwd: repo.dir, stdio: 'pipe' },
          );
        } catch {
          return { status: 404, json: { message: 'Not Found' } };
        }
        if (accept.includes('raw')) return { status: 200, raw: content };
        return {
          status: 200,
          json: {
            type: 'file',
            encoding: 'base64',
            path: r[1],
            content: content.toString('base64'),
          },
        };
      }
      return { status: 404, json: { message: 'Not Found' } };
    }
    if (method === 'GET' && team) {
      const m = team;
      const teams = options.organizations[m[1]]?.teams ?? [];
      const index = teams.indexOf(m[2]);
      if (index < 0) return { status: 404, json: { message: 'Not Found' } };
      return {
        status: 200,
        json: { id: 500 + index, slug: m[2], name: m[2] },
      };
    }
    return { status: 404, json: { message: 'Not Found' } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname.replace(/^\/api\/v3/, '');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method: req.method ?? 'GET', path, query, body });
      const auth = req.headers.authorization ?? '';
      if (
        auth !== `token ${options.token}` &&
        auth !== `Bearer ${options.token}`
      ) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'Bad credentials' }));
        return;
      }
      const result = handle(
        req.method ?? 'GET',
        path,
        query,
        body,
        String(req.headers.accept ?? ''),
      );
      if (result.raw) {
        res.writeHead(result.status, {
          'Content-Type': 'application/vnd.github.raw',
        });
        res.end(result.raw);
        return;
      }
      res.writeHead(result.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(result.json ?? {}));
    });
  });
  const loopback = await listenOnLoopback(server, options.port);
  baseUrl = loopback.baseUrl;
  return {
    ...loopback,
    apiBaseUrl: `${baseUrl}/api/v3`,
    requests,
  };
}
