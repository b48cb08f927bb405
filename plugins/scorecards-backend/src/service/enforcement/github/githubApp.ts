import { createPrivateKey, KeyObject, sign } from 'node:crypto';
import { CustomErrorBase, InputError } from '@backstage/errors';
import { z } from 'zod';

/** How a GitHub App is reached and who it is. */
export interface GithubAppOptions {
  /** The App ID (or client ID) shown on the GitHub App's settings page; the JWT's `iss`. */
  appId: string | number;
  /** The App's private key, PEM (as GitHub hands it out: PKCS#1 `BEGIN RSA PRIVATE KEY`, or PKCS#8). */
  privateKey: string;
  /**
   * The REST API root: `https://api.github.com` (the default), or a GitHub Enterprise Server's
   * `https://<host>/api/v3`.
   */
  apiBaseUrl?: string;
  /** The clock, for the JWT's times and the installation tokens' expiry. */
  now?: () => Date;
}

/** The body of a review of a custom deployment protection rule, as GitHub's REST API takes it. */
export interface DeploymentReview {
  /** The environment the workflow job waits for. */
  environment_name: string;
  /** Whether the job may deploy. */
  state: 'approved' | 'rejected';
  /** Shown on the workflow run, markdown. */
  comment: string;
}

/**
 * GitHub answered a request with a non-2xx status, or could not be reached. Its message names
 * the request, the status and GitHub's answer.
 */
export class GithubApiError extends CustomErrorBase {
  name = 'GithubApiError' as const;
}

const DEFAULT_API_BASE_URL = 'https://api.github.com';
const API_VERSION = '2022-11-28';
const REQUEST_TIMEOUT_MS = 10_000;
/** An installation token is renewed this long before GitHub's `expires_at`. */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;
/** How much of GitHub's answer an error message carries. */
const MAX_ERROR_BODY_CHARS = 1000;
const REVIEW_PATH =
  /^\/repos\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/\d+\/deployment_protection_rule$/;

const accessTokenAnswer = z.object({
  token: z.string().min(1),
  expires_at: z.iso.datetime({ offset: true }),
});

/**
 * A GitHub App client on node's fetch and crypto, for what a custom deployment protection rule
 * does: authenticate as the App (an RS256 JWT), get an installation access token (kept until a
 * minute before it expires), and review a deployment through the callback URL of a
 * `deployment_protection_rule` webhook. A callback URL outside the configured API is refused
 * before any token is requested or sent.
 */
export class GithubApp {
  readonly #appId: string;
  readonly #key: KeyObject;
  readonly #apiBase: URL;
  readonly #now: () => Date;
  readonly #tokens = new Map<number, { token: string; expiresAt: number }>();

  constructor(options: GithubAppOptions) {
    this.#appId = String(options.appId);
    this.#key = createPrivateKey(options.privateKey);
    this.#apiBase = new URL(options.apiBaseUrl ?? DEFAULT_API_BASE_URL);
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Approves or rejects the deployment a `deployment_protection_rule` webhook asked about: POST
   * to its `deployment_callback_url` with an installation token of its `installation.id`.
   * Throws an InputError for a callback URL that is not
   * `<apiBaseUrl>/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`, and a
   * GithubApiError when GitHub does not accept the review.
   */
  async reviewDeployment(
    callbackUrl: string,
    installationId: number,
    review: DeploymentReview,
  ): Promise<void> {
    const url = this.#reviewUrl(callbackUrl);
    const token = await this.#installationToken(installationId);
    const response = await this.#post(url, token, review);
    if (response.status === 401) {
      // A revoked token is not kept until its expiry.
      this.#tokens.delete(installationId);
    }
    await ensureOk(url, response);
  }

  #reviewUrl(callbackUrl: string): URL {
    const prefix = this.#apiBase.pathname.replace(/\/+$/, '');
    const url = URL.canParse(callbackUrl) ? new URL(callbackUrl) : undefined;
    const path = url?.pathname.startsWith(`${prefix}/`)
      ? url.pathname.slice(prefix.length)
      : '';
    if (
      !url ||
      url.origin !== this.#apiBase.origin ||
      url.username ||
      url.password ||
      url.search ||
      url.hash ||
      !REVIEW_PATH.test(path)
    ) {
      throw new InputError(
        `deployment_callback_url ${callbackUrl} is not ${
          this.#apiBase.origin
        }${prefix}/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`,
      );
    }
    return url;
  }

  async #installationToken(installationId: number): Promise<string> {
    const cached = this.#tokens.get(installationId);
    if (
      cached &&
      this.#now().getTime() < cached.expiresAt - TOKEN_RENEWAL_MARGIN_MS
    ) {
      return cached.token;
    }
    const url = new URL(
      `${this.#apiBase.pathname.replace(
        /\/+$/,
        '',
      )}/app/installations/${installationId}/access_tokens`,
      this.#apiBase,
    );
    const response = await this.#post(url, this.#appJwt());
    await ensureOk(url, response);
    const answer = accessTokenAnswer.safeParse(await response.json());
    if (!answer.success) {
      throw new GithubApiError(
        `GitHub's answer to POST ${url.pathname} has no token and expires_at`,
      );
    }
    const fresh = {
      token: answer.data.token,
      expiresAt: Date.parse(answer.data.expires_at),
    };
    this.#tokens.set(installationId, fresh);
    return fresh.token;
  }

  /** The App's JWT: RS256, issued a minute ago against clock drift, valid for 9 more minutes. */
  #appJwt(): string {
    const seconds = Math.floor(this.#now().getTime() / 1000);
    const header = base64UrlJson({ alg: 'RS256', typ: 'JWT' });
    const claims = base64UrlJson({
      iat: seconds - 60,
      exp: seconds + 9 * 60,
      iss: this.#appId,
    });
    const signature = sign(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      this.#key,
    ).toString('base64url');
    return `${header}.${claims}.${signature}`;
  }

  async #post(url: URL, bearer: string, body?: object): Promise<Response> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: `Bearer ${bearer}`,
          'X-GitHub-Api-Version': API_VERSION,
          'User-Agent': 'waybill-scorecards',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        // A redirect is answered as it is (a non-2xx error), never followed with the token.
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new GithubApiError(
        `Could not reach GitHub for POST ${url.pathname}`,
        error,
      );
    }
  }
}

function base64UrlJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function ensureOk(url: URL, response: Response): Promise<void> {
  if (response.ok) {
    return;
  }
  const body = (await response.text()).slice(0, MAX_ERROR_BODY_CHARS);
  throw new GithubApiError(
    `GitHub answered ${response.status} to POST ${url.pathname}: ${
      body || '(empty body)'
    }`,
  );
}
