import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { listenOnLoopback, Loopback } from './loopback';

/** What a GitHub Actions job's ID token says about it. */
export interface GithubJobIdentity {
  /** `owner/name` */
  repository: string;
  ref: string;
  sha: string;
  runId: string;
  runAttempt?: number;
  eventName: string;
  workflowPath: string;
  job: string;
  /** The job's deployment environment, if it names one: the subject then names it. */
  environment?: string;
  actor?: string;
}

/** What a GitLab CI job's ID token says about it. */
export interface GitlabJobIdentity {
  /** `group/project` */
  projectPath: string;
  /** The branch, e.g. `main`. */
  ref: string;
  sha: string;
  pipelineId: string;
  jobId: string;
  environment?: string;
  userLogin?: string;
}

interface Signer {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

async function signer(): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    extractable: true,
  });
  const kid = randomBytes(8).toString('hex');
  const jwk = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: 'RS256',
    use: 'sig',
  };
  return { kid, privateKey, jwk };
}

const ONE_HOUR_S = 3600;

/**
 * What a test changes in a token from what the provider would mint: a customised `sub` (GitHub
 * lets a repository owner set its template), no repository claim, or an expiry in the past.
 */
export interface TokenVariation {
  subject?: string;
  withoutRepositoryClaim?: boolean;
  expiresInSeconds?: number;
}

/**
 * The subject GitHub puts in a job's ID token: the environment when the job names one, else the
 * ref (for pull requests `pull_request`).
 */
export function githubSubject(identity: GithubJobIdentity): string {
  const base = `repo:${identity.repository}`;
  if (identity.environment)
    return `${base}:environment:${identity.environment}`;
  if (identity.eventName === 'pull_request') return `${base}:pull_request`;
  return `${base}:ref:${identity.ref}`;
}

/** The subject GitLab puts in a job's ID token. */
export function gitlabSubject(identity: GitlabJobIdentity): string {
  return `project_path:${identity.projectPath}:ref_type:branch:ref:${identity.ref}`;
}

/**
 * A test OIDC issuer on loopback standing in for GitHub Actions'
 * (`https://token.actions.githubusercontent.com`) and GitLab's (`https://gitlab.com`): one RS256
 * key pair each, their discovery documents and key sets at the paths those issuers use
 * (`/.well-known/jwks`, `/oauth/discovery/keys`), and ID tokens with the claims they mint.
 * It also serves GitHub's token request endpoint: a job gets `ACTIONS_ID_TOKEN_REQUEST_URL` and
 * `ACTIONS_ID_TOKEN_REQUEST_TOKEN` from {@link registerGithubJob}, and
 * `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=waybill` with `Authorization: bearer <token>`
 * answers `{ "value": "<ID token>" }`, as the runner's does.
 */
export class OidcIssuer {
  private readonly jobs = new Map<string, GithubJobIdentity>();
  /** Every token minted, for assertions: issuer, audience and subject. */
  readonly minted: Array<{
    issuer: string;
    audience: string;
    subject: string;
  }> = [];

  private constructor(
    private readonly loopback: Loopback,
    readonly baseUrl: string,
    private readonly github: Signer,
    private readonly gitlab: Signer,
  ) {}

  /** Starts the issuer on loopback `port` (a free one when 0). */
  static async start(port = 0): Promise<OidcIssuer> {
    const [github, gitlab] = await Promise.all([signer(), signer()]);
    const server = http.createServer();
    const loopback = await listenOnLoopback(server, port);
    const issuer = new OidcIssuer(loopback, loopback.baseUrl, github, gitlab);
    server.on('request', (req, res) => {
      issuer.handle(req, res).catch(error => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error) }));
      });
    });
    return issuer;
  }

  /** The issuer URL GitHub-style tokens carry (production: GITHUB_OIDC_ISSUER). */
  get githubIssuer(): string {
    return `${this.baseUrl}/github`;
  }

  /** The issuer URL GitLab-style tokens carry (production: GITLAB_OIDC_ISSUER). */
  get gitlabIssuer(): string {
    return `${this.baseUrl}/gitlab`;
  }

  /**
   * A GitHub job's token request endpoint and bearer: the environment a job with
   * `permissions: id-token: write` gets. The URL already has a query, as GitHub's does, so
   * callers append `&audience=...`.
   */
  registerGithubJob(identity: GithubJobIdentity): {
    ACTIONS_ID_TOKEN_REQUEST_URL: string;
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: string;
  } {
    const token = randomBytes(24).toString('hex');
    this.jobs.set(token, identity);
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.githubIssuer}/_apis/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
    };
  }

  /** An ID token as GitHub Actions mints it for the job. */
  async mintGithub(
    identity: GithubJobIdentity,
    audience = 'waybill',
    variation: TokenVariation = {},
  ): Promise<string> {
    const [owner] = identity.repository.split('/');
    const workflowRef = `${identity.repository}/${identity.workflowPath}@${identity.ref}`;
    const claims: Record<string, unknown> = {
      jti: randomUUID(),
      ref: identity.ref,
      sha: identity.sha,
      repository: identity.repository,
      repository_owner: owner,
      repository_visibility: 'private',
      repository_id: '100000001',
      repository_owner_id: '100000000',
      run_id: identity.runId,
      run_number: identity.runId,
      run_attempt: String(identity.runAttempt ?? 1),
      actor: identity.actor ?? 'golden-path',
      actor_id: '100000002',
      workflow: identity.workflowPath,
      workflow_ref: workflowRef,
      workflow_sha: identity.sha,
      job_workflow_ref: workflowRef,
      job_workflow_sha: identity.sha,
      event_name: identity.eventName,
      ref_type: identity.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      ref_protected: 'true',
      runner_environment: 'github-hosted',
    };
    if (identity.environment) claims.environment = identity.environment;
    if (variation.withoutRepositoryClaim) delete claims.repository;
    return this.sign(
      this.github,
      this.githubIssuer,
      audience,
      variation.subject ?? githubSubject(identity),
      claims,
      variation.expiresInSeconds,
    );
  }

  /** An ID token as GitLab mints it for a job's `id_tokens` entry. */
  async mintGitlab(
    identity: GitlabJobIdentity,
    audience = 'waybill',
  ): Promise<string> {
    const namespace = identity.projectPath.split('/').slice(0, -1).join('/');
    const claims: Record<string, unknown> = {
      jti: randomUUID(),
      namespace_id: '100',
      namespace_path: namespace,
      project_id: '200',
      project_path: identity.projectPath,
      user_id: '300',
      user_login: identity.userLogin ?? 'golden-path',
      user_email: 'golden-path@example.com',
      pipeline_id: identity.pipelineId,
      pipeline_source: 'push',
      job_id: identity.jobId,
      ref: identity.ref,
      ref_type: 'branch',
      ref_path: `refs/heads/${identity.ref}`,
      ci_config_ref_uri: `gitlab.com/${identity.projectPath}//.gitlab-ci.yml@refs/heads/${identity.ref}`,
      ref_protected: 'true',
      sha: identity.sha,
      runner_environment: 'self-hosted',
    };
    if (identity.environment) {
      claims.environment = identity.environment;
      claims.environment_protected = 'true';
    }
    return this.sign(
      this.gitlab,
      this.gitlabIssuer,
      audience,
      gitlabSubject(identity),
      claims,
    );
  }

  close(): Promise<void> {
    return this.loopback.close();
  }

  private async sign(
    key: Signer,
    issuer: string,
    audience: string,
    subject: string,
    claims: Record<string, unknown>,
    expiresInSeconds = ONE_HOUR_S,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    this.minted.push({ issuer, audience, subject });
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setNotBefore(Math.min(now, now + expiresInSeconds) - 5)
      .setExpirationTime(now + expiresInSeconds)
      .sign(key.privateKey);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const discovery = (issuer: string, jwksUri: string) => ({
      issuer,
      jwks_uri: jwksUri,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public', 'pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf'],
    });
    switch (url.pathname) {
      case '/github/.well-known/openid-configuration':
        json(
          200,
          discovery(this.githubIssuer, `${this.githubIssuer}/.well-known/jwks`),
        );
        return;
      case '/github/.well-known/jwks':
        json(200, { keys: [this.github.jwk] });
        return;
      case '/gitlab/.well-known/openid-configuration':
        json(
          200,
          discovery(
            this.gitlabIssuer,
            `${this.gitlabIssuer}/oauth/discovery/keys`,
          ),
        );
        return;
      case '/gitlab/oauth/discovery/keys':
        json(200, { keys: [this.gitlab.jwk] });
        return;
      case '/github/_apis/idtoken': {
        const bearer = /^bearer\s+(\S+)$/i.exec(
          req.headers.authorization ?? '',
        )?.[1];
        const identity = bearer ? this.jobs.get(bearer) : undefined;
        if (!identity) {
          json(401, { message: 'Invalid or missing request token' });
          return;
        }
        // GitHub's default audience is the repository owner's URL.
        const audience =
          url.searchParams.get('audience') ??
          `https://github.com/${identity.repository.split('/')[0]}`;
        json(200, { value: await this.mintGithub(identity, audience) });
        return;
      }
      default:
        json(404, { message: `No route ${url.pathname}` });
    }
  }
}
