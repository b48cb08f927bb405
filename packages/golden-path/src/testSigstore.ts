/*
 * The golden path's Sigstore: what Fulcio and Rekor do for a keyless `cosign attest-blob`, on
 * loopback, with the offline authority of @waybill/test-utils (a mock Fulcio CA, Rekor log and
 * CT log). The Waybill backend trusts its root, so the bundles the pipelines upload verify as
 * public-good ones would.
 */
import http from 'node:http';
import { createRemoteJWKSet, decodeJwt, JWTPayload, jwtVerify } from 'jose';
import {
  createSigstoreAuthority,
  InTotoStatement,
  SigstoreAuthority,
} from '@waybill/test-utils';
import { listenOnLoopback, Loopback } from './loopback';

/** The OIDC issuers the instance accepts, as Fulcio's configuration lists them. */
export interface SigstoreIssuers {
  github: string;
  gitlab: string;
}

/** Fulcio's subject for a CI token: the workflow (GitHub) or the CI config (GitLab) it ran. */
function subjectOf(
  provider: keyof SigstoreIssuers,
  claims: JWTPayload,
): string {
  const claim =
    provider === 'github' ? claims.job_workflow_ref : claims.ci_config_ref_uri;
  if (typeof claim !== 'string' || !claim) {
    throw new Error(
      `the ${provider} token has no ${
        provider === 'github' ? 'job_workflow_ref' : 'ci_config_ref_uri'
      } claim`,
    );
  }
  return provider === 'github'
    ? `https://github.com/${claim}`
    : `https://${claim}`;
}

/**
 * `POST /attest` with `{ identityToken, statement }` answers the Sigstore bundle (v0.3) of the
 * in-toto statement, signed by a short-lived certificate whose SAN and issuer come from the
 * verified token (audience `sigstore`), as Fulcio issues them, and logged as Rekor would.
 */
export class TestSigstore {
  /** What was signed, for assertions: the certificate's identity and the statement's type. */
  readonly signed: Array<{
    subjectAlternativeName: string;
    issuer: string;
    predicateType: string;
  }> = [];

  private constructor(
    private readonly loopback: Loopback,
    readonly url: string,
    private readonly authority: SigstoreAuthority,
    private readonly issuers: SigstoreIssuers,
  ) {}

  /** Starts it on loopback `port` (a free one when 0). */
  static async start(
    issuers: SigstoreIssuers,
    port = 0,
  ): Promise<TestSigstore> {
    const authority = await createSigstoreAuthority();
    const server = http.createServer();
    const loopback = await listenOnLoopback(server, port);
    const sigstore = new TestSigstore(
      loopback,
      loopback.baseUrl,
      authority,
      issuers,
    );
    server.on('request', (req, res) => {
      sigstore.handle(req, res).catch(error => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error.message ?? error) }));
      });
    });
    return sigstore;
  }

  /** The trusted root the Waybill backend is configured with. */
  get trustedRoot(): Record<string, unknown> {
    return this.authority.trustedRoot;
  }

  close(): Promise<void> {
    return this.loopback.close();
  }

  private async verifyToken(token: string) {
    const { iss } = decodeJwt(token);
    const provider = (
      Object.keys(this.issuers) as Array<keyof SigstoreIssuers>
    ).find(p => this.issuers[p] === iss);
    if (!provider) throw new Error(`issuer ${iss} is not trusted`);
    const discovery = (await (
      await fetch(`${iss}/.well-known/openid-configuration`)
    ).json()) as { jwks_uri: string };
    const { payload } = await jwtVerify(
      token,
      createRemoteJWKSet(new URL(discovery.jwks_uri)),
      { issuer: iss, audience: 'sigstore' },
    );
    return { provider, issuer: iss!, claims: payload };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'POST' || req.url !== '/attest') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const { identityToken, statement } = JSON.parse(body) as {
      identityToken: string;
      statement: InTotoStatement;
    };
    const { provider, issuer, claims } = await this.verifyToken(identityToken);
    const subjectAlternativeName = subjectOf(provider, claims);
    const bundle = await this.authority.signKeyless(statement, {
      subjectAlternativeName,
      issuer,
    });
    this.signed.push({
      subjectAlternativeName,
      issuer,
      predicateType: statement.predicateType,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(bundle));
  }
}
