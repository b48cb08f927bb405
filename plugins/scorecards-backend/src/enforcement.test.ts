import fs from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { generateKeyPairSync } from 'crypto';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createSigningKey,
  createTestDatabases,
  expectErrorAnswer,
  slsaProvenance,
  verifyWithSigstore,
} from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import {
  ci,
  inventory,
  junit,
  testsPolicy,
} from './__testUtils__/releaseFixtures';
import { sigstoreBundleOf } from './service/attestation/GateAttestations';
import { runAnalysis } from './service/enforcement/__testUtils__/argoWebMetric';
import { FakeGithub } from './service/enforcement/github/__testUtils__/fakeGithub';
import {
  deliverGithubWebhook,
  requestedPayload,
} from './service/enforcement/github/__testUtils__/githubWebhook';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const pem = (pair: { privateKey: any; publicKey: any }) => ({
  privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }),
  publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }),
});
const signing = pem(generateKeyPairSync('ed25519'));
const retired = pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }));

const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';
const digest = `sha256:${'5f'.repeat(32)}`;
const commit = 'a'.repeat(40);

describe.each(databases.eachSupportedId())(
  'gate enforcement on %s',
  databaseId => {
    async function startBackend(
      options: {
        attestations?: object | null;
        permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
        enforcement?: object;
        trust?: object;
      } = {},
    ): Promise<Server> {
      const knex = await databases.init(databaseId);
      const attestations =
        options.attestations === undefined
          ? {
              signingKey: 'waybill-2026-12',
              keys: [
                { id: 'waybill-2026-12', privateKey: signing.privateKey },
                { id: 'waybill-2026-06', publicKey: retired.publicKey },
              ],
            }
          : options.attestations;
      const { server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [inventory] }),
          mockServices.permissions.factory({
            result: options.permission ?? AuthorizeResult.ALLOW,
          }),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'https://portal.example.com' },
              scorecards: {
                policy: testsPolicy,
                ...(attestations ? { attestations } : {}),
                ...(options.enforcement
                  ? { enforcement: options.enforcement }
                  : {}),
                ...(options.trust ? { trust: options.trust } : {}),
              },
            },
          }),
        ],
      });
      return server;
    }

    const upload = (server: Server, query = '') =>
      request(server)
        .post(`${release}/evidence/tests${query}`)
        .set('Authorization', ci)
        .type('application/xml')
        .send(junit);

    describe('signed gate decisions', () => {
      it('serves the gate as a VSA in a DSSE envelope that sigstore verifies with the served key', async () => {
        const server = await startBackend();
        await upload(server, `?artifactDigest=${digest}&commit=${commit}`);

        const keys = await request(server)
          .get('/api/scorecards/attestation/keys')
          .set('Authorization', ci);
        expect(keys.status).toBe(200);
        expect(keys.body.keys).toEqual([
          {
            keyId: 'waybill-2026-12',
            algorithm: 'ed25519',
            publicKey: signing.publicKey,
            signing: true,
          },
          {
            keyId: 'waybill-2026-06',
            algorithm: 'ecdsa-p256',
            publicKey: retired.publicKey,
            signing: false,
          },
        ]);

        for (const [environment, result] of [
          ['staging', 'PASSED'],
          ['production', 'FAILED'],
        ]) {
          const res = await request(server)
            .get(`${release}/gates/${environment}/attestation`)
            .set('Authorization', ci);
          expect(res.status).toBe(200);
          const envelope = res.body;
          expect(envelope.signatures).toEqual([
            { keyid: 'waybill-2026-12', sig: expect.any(String) },
          ]);
          const statement = JSON.parse(
            Buffer.from(envelope.payload, 'base64').toString('utf8'),
          );
          expect(statement).toMatchObject({
            _type: 'https://in-toto.io/Statement/v1',
            predicateType: 'https://slsa.dev/verification_summary/v1',
            subject: [
              {
                name: 'component:default/inventory@4.2.0',
                digest: { sha256: '5f'.repeat(32) },
              },
            ],
            predicate: {
              verificationResult: result,
              waybill: {
                environment,
                entityRef: 'component:default/inventory',
              },
            },
          });
          expect(statement.predicate.waybill.reasons).toEqual([
            expect.objectContaining({ checkId: 'no-failing-tests' }),
          ]);

          const bundle = await request(server)
            .get(`${release}/gates/${environment}/attestation`)
            .query({ format: 'sigstore-bundle' })
            .set('Authorization', ci);
          expect(bundle.body).toMatchObject({
            mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
            verificationMaterial: { publicKey: { hint: 'waybill-2026-12' } },
          });
          expect(() =>
            verifyWithSigstore(bundle.body, signing.publicKey),
          ).not.toThrow();
          expect(() =>
            verifyWithSigstore(sigstoreBundleOf(envelope), signing.publicKey),
          ).not.toThrow();
          // One byte changed in the payload, or another key: sigstore refuses it.
          const payload = Buffer.from(envelope.payload, 'base64');
          payload[payload.length - 2] ^= 1;
          const tampered = { ...envelope, payload: payload.toString('base64') };
          expect(() =>
            verifyWithSigstore(sigstoreBundleOf(tampered), signing.publicKey),
          ).toThrow(/signature verification failed/);
          expect(() =>
            verifyWithSigstore(bundle.body, retired.publicKey),
          ).toThrow(/signature verification failed/);
        }
      });

      it('claims the SLSA build level of the provenance it verified for the artifact', async () => {
        const builder = createSigningKey({
          algorithm: 'ed25519',
          keyId: 'slsa-generator',
        });
        const server = await startBackend({
          trust: {
            keys: [
              {
                id: 'slsa-generator',
                publicKey: builder.publicKeyPem,
                buildLevel: 3,
              },
            ],
          },
        });
        await upload(server, `?artifactDigest=${digest}&commit=${commit}`);
        const levels = async () => {
          const res = await request(server)
            .get(`${release}/gates/staging/attestation`)
            .set('Authorization', ci);
          return JSON.parse(
            Buffer.from(res.body.payload, 'base64').toString('utf8'),
          ).predicate.verifiedLevels;
        };
        expect(await levels()).toEqual(['WAYBILL_GATE_STAGING_WARN']);
        const provenance = await request(server)
          .post(`${release}/evidence/provenance`)
          .set('Authorization', ci)
          .type('application/vnd.dev.sigstore.bundle.v0.3+json')
          .send(
            JSON.stringify(
              builder.sign(
                slsaProvenance({
                  artifactName: 'ghcr.io/acme/inventory',
                  sha256: digest.slice('sha256:'.length),
                  builderId:
                    'https://github.com/slsa-framework/slsa-github-generator',
                  repository: 'meridian/inventory',
                  commit,
                }),
              ),
            ),
          );
        expect(provenance.status).toBe(201);
        expect(await levels()).toEqual([
          'WAYBILL_GATE_STAGING_WARN',
          'SLSA_BUILD_LEVEL_3',
        ]);
      });

      it('says why a release cannot be attested, and 503 without a signing key', async () => {
        const server = await startBackend();
        const attestation = () =>
          request(server)
            .get(`${release}/gates/production/attestation`)
            .set('Authorization', ci);
        expectErrorAnswer(await attestation(), 409, /No evidence/);
        await upload(server);
        expectErrorAnswer(
          await attestation(),
          409,
          /has no artifact digest.*artifactDigest=sha256/,
        );
        const badDigest = await upload(server, '?artifactDigest=sha256:abc');
        expectErrorAnswer(badDigest, 400, /artifactDigest/);

        const unsigned = await startBackend({ attestations: null });
        await upload(unsigned, `?artifactDigest=${digest}`);
        expectErrorAnswer(
          await request(unsigned)
            .get(`${release}/gates/production/attestation`)
            .set('Authorization', ci),
          503,
          /scorecards.attestations/,
        );
        const none = await request(unsigned)
          .get('/api/scorecards/attestation/keys')
          .set('Authorization', ci);
        expect(none.body).toEqual({ keys: [] });
      });

      it('refuses to start with a key it cannot sign with', async () => {
        const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString();
        await expect(
          startBackend({
            attestations: {
              signingKey: 'old',
              keys: [{ id: 'old', privateKey: rsa }],
            },
          }),
        ).rejects.toThrow(/Ed25519 or ECDSA P-256/);
        await expect(
          startBackend({
            attestations: {
              signingKey: 'retired',
              keys: [{ id: 'retired', publicKey: retired.publicKey }],
            },
          }),
        ).rejects.toThrow(/public key only/);
      });
    });

    describe("Flagger's confirm-promotion webhook", () => {
      const webhook = (
        server: Server,
        metadata: Record<string, string | undefined>,
      ) =>
        request(server)
          .post('/api/scorecards/enforcement/flagger/confirm-promotion')
          .send({
            name: 'inventory',
            namespace: 'erp',
            phase: 'Promoting',
            checksum: '6d4f8c',
            metadata: {
              entityRef: 'component:default/inventory',
              version: '4.2.0',
              token: mockCredentials.service.token({
                onBehalfOf: mockCredentials.service('flagger'),
                targetPluginId: 'scorecards',
              }),
              ...metadata,
            },
          });

      it('answers 200 to promote and 412 to hold, with the gate behind it', async () => {
        const server = await startBackend();
        await upload(server);
        const staging = await webhook(server, { environment: 'staging' });
        expect(staging.status).toBe(200);
        expect(staging.body).toMatchObject({
          promote: true,
          gate: { decision: 'warn' },
        });
        const production = await webhook(server, { environment: 'production' });
        expect(production.status).toBe(412);
        expect(production.body).toMatchObject({
          promote: false,
          gate: {
            decision: 'fail',
            reasons: [expect.objectContaining({ checkId: 'no-failing-tests' })],
          },
        });
        // A release nobody scored is held too.
        const unknown = await webhook(server, {
          environment: 'production',
          version: '9.9.9',
        });
        expect(unknown.status).toBe(412);
      });

      it('refuses a webhook without a valid token, permission or release', async () => {
        const server = await startBackend();
        expectErrorAnswer(
          await webhook(server, {
            environment: 'production',
            token: 'not-a-token',
          }),
          401,
          /./,
        );
        expectErrorAnswer(
          await webhook(server, {
            environment: 'production',
            token: undefined,
          }),
          401,
          'carries its Backstage token as metadata.token; this one has none',
        );
        expectErrorAnswer(
          await webhook(server, { environment: 'moon' }),
          400,
          /Unknown environment "moon"/,
        );
        const denied = await startBackend({
          permission: AuthorizeResult.DENY,
        });
        const refused = await webhook(denied, { environment: 'production' });
        expect(refused.body.promote).toBeUndefined();
        expectErrorAnswer(refused, 403, /scorecards.release.read/);
      });
    });

    it("passes and fails the shipped Argo Rollouts AnalysisTemplate's web metric", async () => {
      const server = await startBackend();
      await upload(server);
      const { port } = server.address() as AddressInfo;
      const template = fs.readFileSync(
        path.join(__dirname, '../deploy/argo-analysis-template.yaml'),
        'utf8',
      );
      const analyse = (args: Record<string, string>, token: string) =>
        runAnalysis(template, {
          args: {
            'waybill-url': `http://127.0.0.1:${port}`,
            entity: 'component/default/inventory',
            version: '4.2.0',
            ...args,
          },
          secrets: { 'waybill-gate': { token } },
        });
      const token = mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('argo-rollouts'),
        targetPluginId: 'scorecards',
      });
      expect(await analyse({ environment: 'staging' }, token)).toEqual({
        'waybill-gate': 'Successful',
      });
      expect(await analyse({ environment: 'production' }, token)).toEqual({
        'waybill-gate': 'Failed',
      });
      expect(
        await analyse({ environment: 'staging', version: '9.9.9' }, token),
      ).toEqual({ 'waybill-gate': 'Failed' });
      expect(await analyse({ environment: 'staging' }, 'forged')).toEqual({
        'waybill-gate': 'Error',
      });
    });

    describe('GitHub custom deployment protection rule', () => {
      const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const secret = 'whsec-b1c2d3e4f5';
      let github: FakeGithub;
      beforeAll(async () => {
        github = await FakeGithub.start({
          appId: '348282',
          publicKey: app.publicKey,
          installations: [41952031],
        });
      });
      afterAll(() => github.close());

      it("approves and rejects a protected environment's deployments from the release's gate", async () => {
        const server = await startBackend({
          enforcement: {
            github: {
              appId: 348282,
              privateKey: app.privateKey
                .export({ type: 'pkcs8', format: 'pem' })
                .toString(),
              webhookSecret: secret,
              apiBaseUrl: github.apiBaseUrl,
              environments: { 'production-eu': 'production' },
            },
          },
        });
        await upload(server, `?commit=${commit}`);
        const { port } = server.address() as AddressInfo;
        const deploy = (deployment: {
          environment: string;
          sha?: string;
          repository?: string;
          deliveryId?: string;
        }) =>
          deliverGithubWebhook(
            `http://127.0.0.1:${port}/api/scorecards/enforcement/github/deployment-protection-rule`,
            {
              secret,
              appId: '348282',
              deliveryId: deployment.deliveryId,
              body: requestedPayload(
                github.callbackUrl('meridian', 'inventory', 7001),
                new Date().toISOString(),
                {
                  repository: deployment.repository ?? 'meridian/inventory',
                  environment: deployment.environment,
                  sha: deployment.sha ?? commit,
                },
              ),
            },
          );

        const staging = await deploy({ environment: 'staging' });
        expect(staging).toMatchObject({
          status: 200,
          body: { state: 'approved', environment: 'staging' },
        });
        const production = await deploy({
          environment: 'production-eu',
          deliveryId: 'delivery-production',
        });
        expect(production).toMatchObject({
          status: 200,
          body: { state: 'rejected', environment: 'production-eu' },
        });
        const otherCommit = await deploy({
          environment: 'staging',
          sha: 'b'.repeat(40),
        });
        expect(otherCommit.body.state).toBe('rejected');
        const otherRepository = await deploy({
          environment: 'staging',
          repository: 'meridian/pricing',
        });
        expect(otherRepository.body.state).toBe('rejected');
        const unmapped = await deploy({ environment: 'qa' });
        expect(unmapped.body.state).toBe('rejected');

        expect(
          github.reviews.map(r => ({
            environment: r.body.environment_name,
            state: r.body.state,
          })),
        ).toEqual([
          { environment: 'staging', state: 'approved' },
          { environment: 'production-eu', state: 'rejected' },
          { environment: 'staging', state: 'rejected' },
          { environment: 'staging', state: 'rejected' },
          { environment: 'qa', state: 'rejected' },
        ]);
        const [approved, rejected, noRelease, noEntity, noEnvironment] =
          github.reviews.map(r => r.body.comment);
        expect(noEnvironment).toContain('Unknown environment "qa"');
        expect(noEnvironment).toContain(
          'Map the GitHub environment qa to one of them in scorecards.enforcement.github.environments',
        );
        expect(approved).toContain(
          "**Allowed** by Waybill's gate for staging, with warnings",
        );
        expect(rejected).toContain(
          "**Blocked** by Waybill's gate for production: component:default/inventory 4.2.0",
        );
        expect(rejected).toContain('- Blocking: No failing tests');
        expect(rejected).toContain(
          '(https://portal.example.com/catalog/default/component/inventory/scorecards?release=4.2.0)',
        );
        expect(noRelease).toContain(
          `no release of component:default/inventory was scored for commit ${'b'.repeat(
            40,
          )}`,
        );
        expect(noEntity).toContain(
          'no catalog component names meridian/pricing',
        );

        // The same delivery again is a replay, on this replica or another.
        const replay = await deploy({
          environment: 'production-eu',
          deliveryId: 'delivery-production',
        });
        expect(replay.status).toBe(409);
        expect(github.reviews).toHaveLength(5);
      });

      it('is not served unless configured', async () => {
        const server = await startBackend();
        const res = await request(server)
          .post('/api/scorecards/enforcement/github/deployment-protection-rule')
          .send({});
        expect(res.status).toBe(404);
      });
    });
  },
);
