import { KeyObject, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in for GitHub's REST API on loopback, with the two endpoints a custom deployment
 * protection rule uses, checked as GitHub documents them:
 *   POST /app/installations/{installation_id}/access_tokens  (App JWT: RS256, iss, iat, exp)
 *   POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule  (installation token)
 */

/** One request the fake received. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
}

/** One review the fake accepted. */
export interface SeenReview {
  owner: string;
  repo: string;
  runId: number;
  body: { environment_name: string; state: string; comment?: string };
  accept?: string;
  apiVersion?: string;
}

export interface FakeGithubOptions {
  /** The App whose JWTs are accepted, with its public key. */
  appId: string;
  publicKey: KeyObject;
  /** The installations of the App. */
  installations: number[];
  /** A path prefix, as a GitHub Enterprise Server's `/api/v3`. */
  prefix?: string;
  now?: () => Date;
}

const TOKEN_PATH = /^\/app\/installations\/(\d+)\/access_tokens$/;
const REVIEW_PATH =
  /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/;

/** The fake GitHub API. */
export class FakeGithub {
  readonly requests: SeenRequest[] = [];
  readonly reviews: SeenReview[] = [];
  /** The JWT claims of each token request accepted. */
  readonly jwtClaims: Array<Record<string, unknown>> = [];
  #tokens = new Set<string>();
  #failures: Array<{ status: number; body: string }> = [];

  private constructor(
    private readonly options: FakeGithubOptions,
    private readonly server: http.Server,
    readonly apiBaseUrl: string,
  ) {}

  static async start(options: FakeGithubOptions): Promise<FakeGithub> {
    const server = http.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGithub(
      options,
      server,
      `http://127.0.0.1:${port}${options.prefix ?? ''}`,
    );
    server.on('request', (req, res) => void fake.#handle(req, res));
    return fake;
  }

  /** The `deployment_callback_url` GitHub puts in a webhook for a workflow run. */
  callbackUrl(owner: string, repo: string, runId: number): string {
    return `${this.apiBaseUrl}/repos/${owner}/${repo}/actions/runs/${runId}/deployment_protection_rule`;
  }

  /** The next reviews are answered with this status and body instead of taken. */
  failReviews(status: number, body: string, times = 1): void {
    for (let i = 0; i < times; i++) this.#failures.push({ status, body });
  }

  /** Every installation token issued so far stops working. */
  revokeTokens(): void {
    this.#tokens.clear();
  }

  /** Forgets the requests and reviews seen. */
  reset(): void {
    this.requests.length = 0;
    this.reviews.length = 0;
    this.jwtClaims.length = 0;
    this.#failures = [];
  }

  close(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()));
  }

  get tokenRequests(): number {
    return this.jwtClaims.length;
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const prefix = this.options.prefix ?? '';
    const path = url.pathname.startsWith(`${prefix}/`)
      ? url.pathname.slice(prefix.length)
      : '';
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization,
    });
    const answer = (status: number, json?: object) => {
      res.statusCode = status;
      if (json) res.setHeader('content-type', 'application/json');
      res.end(json ? JSON.stringify(json) : undefined);
    };
    const token = TOKEN_PATH.exec(path);
    const review = REVIEW_PATH.exec(path);
    if (req.method === 'POST' && token) {
      this.#issueToken(Number(token[1]), req, answer);
    } else if (req.method === 'POST' && review) {
      this.#review(review, body, req, res, answer);
    } else {
      answer(404, { message: 'Not Found' });
    }
  }

  #issueToken(
    installationId: number,
    req: http.IncomingMessage,
    answer: (status: number, json?: object) => void,
  ) {
    const jwt = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let problem: string | undefined = 'A JSON web token could not be decoded';
    try {
      problem = jwt ? this.#jwtProblem(jwt) : problem;
    } catch {
      // Not a JWT at all: the default problem stands.
    }
    if (problem) {
      answer(401, { message: problem });
      return;
    }
    if (!this.options.installations.includes(installationId)) {
      answer(404, { message: 'Not Found' });
      return;
    }
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    this.#tokens.add(token);
    answer(201, {
      token,
      expires_at: new Date(this.#now().getTime() + 3600_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      permissions: { actions: 'read', deployments: 'write' },
      repository_selection: 'selected',
    });
  }

  /** Why GitHub would refuse this App JWT, or undefined when it would take it. */
  #jwtProblem(jwt: string): string | undefined {
    const [header, claims, signature] = jwt.split('.');
    if (!signature) return 'A JSON web token could not be decoded';
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      this.options.publicKey,
      Buffer.from(signature, 'base64url'),
    );
    if (!valid) return 'A JSON web token could not be decoded';
    const alg = JSON.parse(Buffer.from(header, 'base64url').toString()).alg;
    const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString());
    const now = Math.floor(this.#now().getTime() / 1000);
    if (alg !== 'RS256') return `'alg' must be RS256`;
    if (parsed.iss !== this.options.appId)
      return `'Issuer' claim ('iss') must be the App ID`;
    if (typeof parsed.iat !== 'number' || parsed.iat > now)
      return `'Issued at' claim ('iat') must be an Integer representing a time in the past.`;
    if (typeof parsed.exp !== 'number' || parsed.exp <= now)
      return `'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.`;
    if (parsed.exp - parsed.iat > 600)
      return `'Expiration time' claim ('exp') is too far in the future.`;
    this.jwtClaims.push(parsed);
    return undefined;
  }

  #review(
    match: RegExpExecArray,
    body: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    answer: (status: number, json?: object) => void,
  ) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.#tokens.has(token)) {
      answer(401, { message: 'Bad credentials' });
      return;
    }
    const failure = this.#failures.shift();
    if (failure) {
      res.statusCode = failure.status;
      res.end(failure.body);
      return;
    }
    let parsed: any;
    try {
      parsed = JSON.parse(body);
    } catch {
      answer(400, { message: 'Problems parsing JSON' });
      return;
    }
    if (
      typeof parsed?.environment_name !== 'string' ||
      !['approved', 'rejected'].includes(parsed.state) ||
      (parsed.comment !== undefined && typeof parsed.comment !== 'string')
    ) {
      answer(422, { message: 'Invalid request.' });
      return;
    }
    this.reviews.push({
      owner: match[1],
      repo: match[2],
      runId: Number(match[3]),
      body: parsed,
      accept: req.headers.accept,
      apiVersion: req.headers['x-github-api-version'] as string | undefined,
    });
    answer(204);
  }
}
