import {
  createExternalTokenHandler,
  externalTokenHandlersServiceRef,
} from '@backstage/backend-defaults/auth';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { createRemoteJWKSet, decodeJwt, JWTPayload, jwtVerify } from 'jose';
import {
  PIPELINE_PROVIDERS,
  PipelineProvider,
  pipelineSubject,
} from './caller';

/**
 * The claim that names a job's repository, which the repository's owner cannot rewrite (unlike
 * `sub`, whose template a GitHub repository or organisation may customise), and its shape.
 */
const REPOSITORY_CLAIMS: Record<
  PipelineProvider,
  { claim: string; shape: RegExp }
> = {
  // GitHub Actions: `owner/name`.
  github: { claim: 'repository', shape: /^[\w.-]+\/[\w.-]+$/ },
  // GitLab CI: `group/subgroup/project`.
  gitlab: { claim: 'project_path', shape: /^[\w.-]+(?:\/[\w.-]+)+$/ },
};

/** The repository a pipeline token was issued to, or undefined when it names none. */
export function repositoryOf(
  provider: PipelineProvider,
  payload: JWTPayload,
): string | undefined {
  const { claim, shape } = REPOSITORY_CLAIMS[provider];
  const value = payload[claim];
  return typeof value === 'string' && shape.test(value) ? value : undefined;
}

interface PipelineIssuer {
  provider: PipelineProvider;
  issuer: string;
  audiences: string[];
  algorithms: string[];
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

function stringOrList(options: Config, key: string): string[] {
  const value = options.get(key);
  return Array.isArray(value)
    ? options.getStringArray(key)
    : [options.getString(key)];
}

function readIssuer(options: Config): PipelineIssuer {
  const provider = options.getString('provider');
  if (!(PIPELINE_PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(
      `waybill-pipeline: provider must be one of ${PIPELINE_PROVIDERS.join(
        ', ',
      )}, not '${provider}'`,
    );
  }
  return {
    provider: provider as PipelineProvider,
    issuer: options.getString('issuer'),
    audiences: stringOrList(options, 'audience'),
    algorithms: options.has('algorithm')
      ? stringOrList(options, 'algorithm')
      : ['RS256'],
    jwks: createRemoteJWKSet(new URL(options.getString('url'))),
  };
}

/**
 * The `waybill-pipeline` type of `backend.auth.externalAccess`: a CI provider's OIDC ID token
 * (GitHub Actions, GitLab CI), verified against the issuer's key set, becomes the service
 * principal `pipeline:<provider>:<repository>`. The repository comes from the `repository`
 * (GitHub) or `project_path` (GitLab) claim, never from `sub`. A verified token that names no
 * repository becomes `pipeline:<provider>`, which may act for no entity.
 *
 * Options: `provider` (github | gitlab), `url` (the issuer's JWKS), `issuer`, `audience`, and
 * `algorithm` (default RS256). Access restrictions apply as to any external-access entry.
 */
export const pipelineTokenHandler = createExternalTokenHandler<PipelineIssuer>({
  type: 'waybill-pipeline',
  initialize: ({ options }) => readIssuer(options),
  async verifyToken(token, issuer) {
    // Only tokens that claim this issuer are verified, so that other tokens (users' and
    // plugins') never make the handler fetch the provider's key set.
    let claimed: JWTPayload;
    try {
      claimed = decodeJwt(token);
    } catch {
      return undefined;
    }
    if (claimed.iss !== issuer.issuer) return undefined;
    try {
      const { payload } = await jwtVerify(token, issuer.jwks, {
        issuer: issuer.issuer,
        audience: issuer.audiences,
        algorithms: issuer.algorithms,
        requiredClaims: ['exp'],
      });
      return {
        subject: pipelineSubject(
          issuer.provider,
          repositoryOf(issuer.provider, payload),
        ),
      };
    } catch {
      return undefined;
    }
  },
});

/** Adds the `waybill-pipeline` external token type to a backend: `backend.add(...)`. */
export const pipelineTokenHandlerServiceFactory = createServiceFactory({
  service: externalTokenHandlersServiceRef,
  deps: {},
  factory: () => pipelineTokenHandler,
});
