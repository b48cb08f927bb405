import http from 'node:http';
import { listenOnLoopback } from '../loopback';
import { jsonOrText, onText, RecordedRequest } from './fakeApi';
import { GitHttpBackend } from './gitHttpBackend';
import { GithubApi } from './githubApi';

export interface FakeGithub {
  /** http://127.0.0.1:port, the host the integration is configured for */
  baseUrl: string;
  /** host:port, as integrations.github[].host takes it */
  host: string;
  /** baseUrl + /api/v3 */
  apiBaseUrl: string;
  requests: RecordedRequest[];
  /** The GitHub App ids of an environment's custom deployment protection rules; undefined when it was not created. */
  protectionRuleApps(
    owner: string,
    repo: string,
    environment: string,
  ): number[] | undefined;
  close(): Promise<void>;
}

/**
 * A fake of the GitHub REST API (the GitHub Enterprise layout: API under /api/v3) on loopback.
 * It implements exactly what `publish:github`, `github:environment:create`,
 * `waybill:github:deployment-gate` and the catalog's GitHub URL reader call, answers everything else 404, and records every request. Owners are
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
  const api = new GithubApi(options);
  const server = http.createServer((req, res) => {
    onText(req, text => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname.replace(/^\/api\/v3/, '');
      const body = jsonOrText(text);
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
      const result = api.handle(
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
  api.baseUrl = loopback.baseUrl;
  return {
    ...loopback,
    apiBaseUrl: `${loopback.baseUrl}/api/v3`,
    requests,
    protectionRuleApps: (owner, repo, environment) =>
      api.protectionRuleApps(owner, repo, environment),
  };
}
