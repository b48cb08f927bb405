import http from 'node:http';
import { AddressInfo } from 'node:net';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import express from 'express';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { callerOf } from './caller';
import { pipelineTokenHandlerServiceFactory } from './pipelineTokenHandler';

/** A test OIDC issuer on loopback: one RS256 key, its key set at `/jwks`. */
async function startIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, privateKey, close: () => server.close() };
}

type Issuer = Awaited<ReturnType<typeof startIssuer>>;

async function mint(
  issuer: Issuer,
  claims: Record<string, unknown>,
  options: {
    iss?: string;
    aud?: string;
    sub?: string;
    expiresIn?: number;
    key?: KeyLike;
  } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(options.iss ?? `${issuer.url}/github`)
    .setAudience(options.aud ?? 'waybill')
    .setSubject(options.sub ?? 'repo:meridian/inventory:ref:refs/heads/main')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(options.key ?? issuer.privateKey);
}

/** A plugin whose one route answers who called it, as `callerOf` sees them. */
const whoAmI = createBackendPlugin({
  pluginId: 'whoami',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        const router = express.Router();
        router.get('/', async (req, res) => {
          res.json(callerOf(await httpAuth.credentials(req)));
        });
        httpRouter.use(router);
      },
    });
  },
});

describe('the waybill-pipeline external token type', () => {
  let issuer: Issuer;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    issuer = await startIssuer();
    backend = await startTestBackend({
      features: [
        whoAmI,
        authServiceFactory,
        httpAuthServiceFactory,
        pipelineTokenHandlerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'waybill-pipeline',
                    options: {
                      provider: 'github',
                      url: `${issuer.url}/jwks`,
                      issuer: `${issuer.url}/github`,
                      audience: 'waybill',
                    },
                  },
                  {
                    type: 'waybill-pipeline',
                    options: {
                      provider: 'gitlab',
                      url: `${issuer.url}/jwks`,
                      issuer: `${issuer.url}/gitlab`,
                      audience: 'waybill',
                    },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    issuer?.close();
  });

  const call = (token: string) =>
    request(backend.server)
      .get('/api/whoami')
      .set('authorization', `Bearer ${token}`);

  it('names a GitHub job by its repository claim, with the default subject', async () => {
    const token = await mint(issuer, { repository: 'meridian/inventory' });
    const res = await call(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      type: 'pipeline',
      subject: 'pipeline:github:meridian/inventory',
      provider: 'github',
      project: 'meridian/inventory',
    });
  });

  it('names a job by its repository claim whatever its customised subject says', async () => {
    // A repository owner can customise `sub`, e.g. to name another repository's owner; the
    // `repository` claim stays the job's own.
    const token = await mint(
      issuer,
      { repository: 'attacker/tools' },
      { sub: 'repo:meridian/inventory:environment:production' },
    );
    expect((await call(token)).body.subject).toBe(
      'pipeline:github:attacker/tools',
    );
    const custom = await mint(
      issuer,
      { repository: 'attacker/tools' },
      { sub: 'repository_owner:attacker:context:prod' },
    );
    expect((await call(custom)).body).toMatchObject({
      type: 'pipeline',
      project: 'attacker/tools',
    });
  });

  it('names a GitLab job by its project_path claim', async () => {
    const token = await mint(
      issuer,
      { project_path: 'erp/warehouse/inventory' },
      {
        iss: `${issuer.url}/gitlab`,
        sub: 'project_path:erp/warehouse/inventory:ref_type:branch:ref:main',
      },
    );
    expect((await call(token)).body).toMatchObject({
      type: 'pipeline',
      provider: 'gitlab',
      project: 'erp/warehouse/inventory',
    });
  });

  it('keeps a pipeline whose token names no well-formed repository, without one', async () => {
    for (const claims of [{}, { repository: 'no-slash' }, { repository: 7 }]) {
      const res = await call(await mint(issuer, claims));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        type: 'pipeline',
        subject: 'pipeline:github',
        provider: 'github',
      });
    }
  });

  it('refuses a wrong audience, an expired token, an unknown issuer and a foreign key', async () => {
    const { privateKey: foreign } = await generateKeyPair('RS256');
    const claims = { repository: 'meridian/inventory' };
    const tokens = [
      await mint(issuer, claims, { aud: 'another-service' }),
      await mint(issuer, claims, { expiresIn: -60 }),
      await mint(issuer, claims, { iss: 'https://token.example.com' }),
      await mint(issuer, claims, { key: foreign }),
      'not-a-jwt',
    ];
    for (const token of tokens) {
      expect((await call(token)).status).toBe(401);
    }
  });
});
