import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { listenOnLoopback } from '../loopback';

/** A git remote served over smart HTTP by `git http-backend`, on loopback. */
export interface GitHttpBackend {
  /** http://127.0.0.1:port */
  baseUrl: string;
  /** The directory the bare repositories live in (GIT_PROJECT_ROOT). */
  root: string;
  /** Creates an empty bare repository `<owner>/<repo>.git` (its default branch is main). */
  createRepository(owner: string, repo: string): string;
  /** Every request's method and path, with the user its Basic credentials named. */
  requests: Array<{ method: string; path: string; user?: string }>;
  close(): Promise<void>;
}

/**
 * Runs `git http-backend` as a CGI script for one request: the request's method, path, query
 * and content type go in as CGI variables, its body is piped to the script's stdin, and the
 * script's CGI headers (`Status:`, `Content-Type:`, ...) become the response's.
 */
function runHttpBackend(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  root: string,
  user: string | undefined,
) {
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: req.method,
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-encoding']
        ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
        : {}),
      ...(user ? { REMOTE_USER: user, REMOTE_ADDR: '127.0.0.1' } : {}),
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
    },
  });
  req.pipe(cgi.stdin);
  let head = Buffer.alloc(0);
  let headersDone = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersDone = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('utf8').split('\r\n')) {
      const i = line.indexOf(':');
      const name = line.slice(0, i).trim();
      const value = line.slice(i + 1).trim();
      if (name.toLowerCase() === 'status') status = parseInt(value, 10);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  let stderr = '';
  cgi.stderr.on('data', d => {
    stderr += d;
  });
  cgi.on('close', code => {
    if (!headersDone) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`git http-backend exited ${code}: ${stderr}`);
      return;
    }
    res.end();
  });
}

/**
 * Serves the bare repositories under `root` over git smart HTTP, running `git http-backend` as
 * a CGI script for each request (see {@link runHttpBackend}). Pushes are accepted for any request that carries Basic credentials (REMOTE_USER), as a hosted git
 * server accepts a token.
 */
export async function startGitHttpBackend(
  root: string,
  /** The loopback port; a free one when 0. */
  port = 0,
): Promise<GitHttpBackend> {
  fs.mkdirSync(root, { recursive: true });
  const requests: GitHttpBackend['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = req.headers.authorization;
    const user =
      auth?.startsWith('Basic ') &&
      Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0];
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      user: user || undefined,
    });
    // Like a hosted server: a push without credentials is challenged.
    if (url.searchParams.get('service') === 'git-receive-pack' && !user) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end();
      return;
    }
    runHttpBackend(req, res, url, root, user || undefined);
  });
  const { baseUrl, close } = await listenOnLoopback(server, port);
  return {
    baseUrl,
    root,
    requests,
    createRepository(owner, repo) {
      const dir = path.join(root, owner, `${repo}.git`);
      fs.mkdirSync(dir, { recursive: true });
      const run = (args: string[]) =>
        execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
      run(['init', '--bare', '--quiet', '--initial-branch=main']);
      run(['config', 'http.receivepack', 'true']);
      return dir;
    },
    close,
  };
}
