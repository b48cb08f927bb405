import http from 'node:http';
import { GitlabProject } from './gitlabProjects';

/**
 * Serves a project's repository over git smart HTTP as GitLab does, by passing the request to
 * `git http-backend` at `gitBaseUrl`. It needs Basic credentials whose password is `token` (the
 * user name is not checked: publish:gitlab sends `oauth2`), except a public project's fetches.
 */
export function serveGitlabGit(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  options: {
    token: string;
    gitBaseUrl: string;
    /** The project at a full path (`meridian/pricing-api`). */
    projectAt(fullPath: string): GitlabProject | undefined;
  },
) {
  const match =
    /^\/(.+)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(
      url.pathname,
    );
  const project = match && options.projectAt(decodeURIComponent(match[1]));
  const auth = req.headers.authorization ?? '';
  const password = auth.startsWith('Basic ')
    ? Buffer.from(auth.slice(6), 'base64')
        .toString('utf8')
        .split(':')
        .slice(1)
        .join(':')
    : undefined;
  const push =
    url.searchParams.get('service') === 'git-receive-pack' ||
    match?.[2] === 'git-receive-pack';
  const anonymousAllowed = project?.visibility === 'public' && !push;
  if (password !== options.token && !anonymousAllowed) {
    req.resume();
    res.writeHead(401, {
      'Content-Type': 'text/plain',
      'WWW-Authenticate': 'Basic realm="GitLab"',
    });
    res.end('HTTP Basic: Access denied.');
    return;
  }
  if (!project) {
    req.resume();
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('The project you were looking for could not be found.');
    return;
  }
  forward(req, res, `${options.gitBaseUrl}${url.pathname}${url.search}`);
}

/** Passes the request to `target` with the headers git needs, and its answer back. */
function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: string,
) {
  const forwarded: http.OutgoingHttpHeaders = {};
  for (const name of [
    'content-type',
    'content-encoding',
    'content-length',
    'accept',
    'git-protocol',
    'authorization',
  ]) {
    if (req.headers[name]) forwarded[name] = req.headers[name];
  }
  const upstream = http.request(
    target,
    { method: req.method, headers: forwarded },
    gitRes => {
      res.writeHead(gitRes.statusCode ?? 502, gitRes.headers);
      gitRes.pipe(res);
    },
  );
  upstream.on('error', error => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(String(error));
  });
  req.pipe(upstream);
}
