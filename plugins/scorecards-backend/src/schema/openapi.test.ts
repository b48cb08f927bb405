import fs from 'fs';
import path from 'path';
import type { Server } from 'http';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  BOOLEAN_OPERATORS,
  ENFORCEMENTS,
  EVIDENCE_FORMATS,
  EVIDENCE_KINDS,
  FACT_NAMES,
  GRADE_FLOORS,
  NUMBER_OPERATORS,
  PORTFOLIO_SORTS,
  SEVERITIES,
} from '@waybill/plugin-scorecards-common';
import { TIERS } from '@waybill/plugin-waybill-common';
import {
  createSigningKey,
  createTestDatabases,
  inTotoStatement,
  itIsAValidOpenApiDocument,
  JsonObject,
  loadOpenApiSpec,
  slsaProvenance,
  SpecCall,
  specRequests,
} from '@waybill/test-utils';
import { generateKeyPairSync } from 'crypto';
import request from 'supertest';
import { scorecardsPlugin } from '../plugin';
import { GateAttestations } from '../service/attestation/GateAttestations';
import { DeploymentEnforcement } from '../service/enforcement/DeploymentEnforcement';
import { ReleaseScorecards } from '../service/ReleaseScorecards';
import { createRouter } from '../service/router';
import { Waivers } from '../service/waivers/Waivers';

/*
 * Keeps openapi.yaml and the router honest with each other: the spec is a well-formed
 * OpenAPI 3.0 document, it lists exactly the routes the router registers, and every answer the
 * running plugin gives (successes and errors, on SQLite and PostgreSQL) matches the schema the
 * spec gives for it. The router validates every request against the spec itself.
 */

const BASE = '/api/scorecards';

const openapi = loadOpenApiSpec(path.join(__dirname, 'openapi.yaml'), {
  id: 'https://waybill.dev/scorecards/openapi.json',
});

// ---------------------------------------------------------------------------------------------

describe('openapi.yaml', () => {
  itIsAValidOpenApiDocument(openapi, { minSchemas: 60 });

  it('names the same enumerations as the code', () => {
    const { schemas } = openapi.spec.components;
    const enumOf = (name: string) => schemas[name].enum;
    expect(enumOf('EvidenceKind')).toEqual([...EVIDENCE_KINDS]);
    expect(enumOf('EvidenceFormat')).toEqual([
      ...new Set(Object.values(EVIDENCE_FORMATS).flat()),
    ]);
    expect(enumOf('Tier')).toEqual([...TIERS]);
    expect(enumOf('Severity')).toEqual([...SEVERITIES]);
    expect(Object.keys(schemas.SeverityCounts.properties)).toEqual([
      ...SEVERITIES,
    ]);
    expect(enumOf('Grade')).toEqual([...GRADE_FLOORS.map(([g]) => g), 'F']);
    expect(enumOf('Enforcement')).toEqual([...ENFORCEMENTS]);
    expect(enumOf('ComparisonOperator')).toEqual([
      ...new Set([...NUMBER_OPERATORS, ...BOOLEAN_OPERATORS]),
    ]);
    expect(enumOf('FactName')).toEqual(FACT_NAMES);
    expect(enumOf('PortfolioSort')).toEqual([...PORTFOLIO_SORTS]);
    for (const kind of EVIDENCE_KINDS) {
      const facts = schemas.EvidenceFacts.discriminator.mapping[kind];
      const schema = openapi.resolveRef(facts) as JsonObject;
      expect(schema.properties.kind.enum).toEqual([kind]);
      expect(schema.properties.format.enum).toEqual([
        ...EVIDENCE_FORMATS[kind],
      ]);
    }
  });

  it('documents exactly the routes the router registers', async () => {
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      scorecards: {} as ReleaseScorecards,
      attestations: {} as GateAttestations,
      enforcement: {} as DeploymentEnforcement,
      waivers: {} as Waivers,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock(),
      auditor: mockServices.auditor.mock(),
      auth: mockServices.auth(),
      scheduler: mockServices.scheduler.mock(),
      maxUploadBytes: 1024,
    });
    expect(openapi.routeProblems(router)).toEqual([]);
  });

  it('fails a response that does not match, with ajv’s error text', () => {
    const wrong = {
      status: 201,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        id: '7',
        environment: 'production',
        reason: 'EDI outage hotfix',
        actor: 'user:default/guest',
        createdAt: '2026-11-23T12:00:00.000Z',
      },
      text: '',
    } as unknown as request.Response;
    const check = () =>
      openapi.expectResponseMatchesSpec(
        'post',
        '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides',
        wrong,
      );
    expect(check).toThrow('body/id must be integer');
    expect(check).toThrow("body must have required property 'expiresAt'");
    expect(() =>
      openapi.expectResponseMatchesSpec('get', '/portfolio', {
        ...wrong,
        status: 418,
      } as request.Response),
    ).toThrow(/a status openapi.yaml does not document/);
  });
});

// ---------------------------------------------------------------------------------------------

const databases = createTestDatabases();
jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '../evidence/__fixtures__');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

const component = (
  name: string,
  spec_: JsonObject,
  annotations: Record<string, string> = {},
  namespace = 'default',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace, annotations },
  spec: { type: 'service', lifecycle: 'production', ...spec_ },
});

const entities = [
  component(
    'inventory',
    { owner: 'group:default/warehouse-systems', system: 'erp' },
    {
      'waybill.dev/tier': 'critical',
      'waybill.dev/business-processes': 'order-to-cash, procure-to-pay',
    },
  ),
  component('orders', { owner: 'order-management' }),
  component('web', { owner: 'storefront-team' }, {}, 'storefront'),
];

const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'scorecards',
});
const user = mockCredentials.user.header('user:default/release-manager');
/**
 * Path values as the harness takes them (strings), an integer one kept a number: the spec's
 * `integer` is checked against the value given, and the URL carries it as text anyway.
 */
const pathParams = (params: Record<string, string | number>) =>
  params as Record<string, string>;
/** Within `scorecards.overrides.maxDurationDays` (14 by default). */
const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();

const P = {
  upload:
    '/entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}',
  events: '/events',
  history: '/entities/{kind}/{namespace}/{name}/releases',
  release: '/entities/{kind}/{namespace}/{name}/releases/{version}',
  gate: '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}',
  override:
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides',
  revoke:
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides/{overrideId}/revoke',
  portfolio: '/portfolio',
  summary: '/portfolio/summary',
  csv: '/portfolio.csv',
  dora: '/dora',
  reevaluate: '/policy/reevaluate',
  attestation:
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/attestation',
  keys: '/attestation/keys',
  flagger: '/enforcement/flagger/confirm-promotion',
  waivers: '/waivers',
  approveWaiver: '/waivers/{waiverId}/approve',
  revokeWaiver: '/waivers/{waiverId}/revoke',
};

/** A waiver of inventory's production `line-coverage` check for 4.x, for a day. */
const waiverBody = () => ({
  entityRef: 'component:default/inventory',
  versionRange: '>=4.0.0 <5.0.0',
  environment: 'production',
  checkId: 'line-coverage',
  reason: 'Coverage tool outage, rerun booked',
  expiresAt: tomorrow(),
});

/** The key the backends sign gate decisions with (but the `unsigned` one). */
const attestations = {
  signingKey: 'waybill-test',
  keys: [
    {
      id: 'waybill-test',
      privateKey: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    },
  ],
};

/** The key the pipeline signs inventory's artifact with, trusted by `scorecards.trust`. */
const releaseSigner = createSigningKey({
  algorithm: 'ecdsa-p256',
  keyId: 'release-signer',
});
const trust = {
  keys: [{ id: 'release-signer', publicKey: releaseSigner.publicKeyPem }],
};
/** The artifact inventory 4.2.0 ships, as its uploads name it. */
const ARTIFACT = '4c'.repeat(32);

const inventory = {
  kind: 'component',
  namespace: 'default',
  name: 'inventory',
};
const orders = { kind: 'component', namespace: 'default', name: 'orders' };

/** Which evidence kind and media type each evidence fixture is uploaded as, by file name. */
const UPLOADS: Array<[RegExp, string, string]> = [
  [/\.cdx\.json$/, 'dependencies', 'application/octet-stream'],
  [/\.sarif$/, 'security', 'application/json'],
  [/\.lcov\.info$/, 'coverage', 'text/plain'],
  [/cobertura\.xml$/, 'coverage', 'text/xml'],
  [/^readiness\.json$/, 'readiness', 'application/json'],
  [/\.xml$/, 'tests', 'application/xml'],
];
function uploadOf(name: string): { kind: string; type: string } | undefined {
  const found = UPLOADS.find(([pattern]) => pattern.test(name));
  return found && { kind: found[1], type: found[2] };
}
const EVENT_FIXTURES = ['cdevents.json', 'delivery-events.waybill.json'];

/** Every Waybill permission, and no catalog entity to read (`catalog.entity.read` denied). */
const catalogBlind = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.DENY })),
});

describe.each(databases.eachSupportedId())(
  'the running plugin on %s answers as openapi.yaml says',
  databaseId => {
    answersAsTheSpecSays(databaseId);
  },
);

/** The running plugin's answers, on one database, held to the spec. */
function answersAsTheSpecSays(databaseId: TestDatabaseId) {
  let servers: Record<
    'allowed' | 'denied' | 'catalogBlind' | 'unsigned',
    Server
  >;

  async function startBackend(
    permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY | 'catalogBlind',
    signing = true,
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        scorecardsPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        permission === 'catalogBlind'
          ? catalogBlind.factory
          : mockServices.permissions.factory({ result: permission }),
        mockServices.rootConfig.factory({
          data: {
            scorecards: {
              maxUploadBytes: 64 * 1024,
              trust,
              ...(signing ? { attestations } : {}),
            },
          },
        }),
      ],
    });
    return server;
  }

  beforeAll(async () => {
    servers = {
      allowed: await startBackend(AuthorizeResult.ALLOW),
      denied: await startBackend(AuthorizeResult.DENY),
      catalogBlind: await startBackend('catalogBlind'),
      unsigned: await startBackend(AuthorizeResult.ALLOW, false),
    };
  });

  type Call = SpecCall<keyof typeof servers>;
  const { call, wrongErrorAnswers, unguardedRoutes } = specRequests(openapi, {
    base: BASE,
    servers: () => servers,
    server: 'allowed',
    auth: ci,
  });

  const releaseParams = (version: string, entity = inventory) => ({
    ...entity,
    version,
  });
  /** The path of a release of inventory's gate in one environment. */
  const gateParams = (version: string, environment = 'production') => ({
    ...releaseParams(version),
    environment,
  });
  /** The release manager overriding a release's production gate, for a day unless `body` says otherwise. */
  const overrideCall = (
    body: { reason?: string; expiresAt?: string } = {},
    version = '4.2.0',
  ): Call => ({
    method: 'post',
    path: P.override,
    auth: user,
    params: gateParams(version),
    body: {
      reason: 'EDI outage hotfix, rollback drill booked',
      expiresAt: tomorrow(),
      ...body,
    },
  });
  /** Asks for a release of inventory's production gate. */
  const getGate = (version: string) =>
    call({ method: 'get', path: P.gate, params: gateParams(version) });
  /** The release manager revoking an override of inventory 4.2.0's production gate. */
  const revokeCall = (overrideId: number, reason: string): Call => ({
    method: 'post',
    path: P.revoke,
    auth: user,
    params: pathParams({ ...gateParams('4.2.0'), overrideId }),
    body: { reason },
  });

  it('uploads every evidence fixture, and stores what the spec says', async () => {
    const names = fs
      .readdirSync(FIXTURES)
      .filter(name => !EVENT_FIXTURES.includes(name))
      .sort();
    expect(names.filter(name => !uploadOf(name))).toEqual([]);
    for (const [i, name] of names.entries()) {
      const { kind, type } = uploadOf(name)!;
      const params = { ...releaseParams(`0.${i}.0`), evidenceKind: kind };
      const res = await call({
        method: 'post',
        path: P.upload,
        params,
        query: { commit: `c0ffee${i}` },
        body: fixture(name),
        type,
      });
      expect({ name, status: res.status, error: res.body.error }).toEqual({
        name,
        status: 201,
      });
      const stored = await call({
        method: 'get',
        path: P.release,
        params: releaseParams(`0.${i}.0`),
      });
      expect(stored.body.evidence.map((e: any) => e.kind)).toEqual([kind]);
    }
  });

  it('stores a full release, answers its gates, history and overrides', async () => {
    const provenance = slsaProvenance({
      artifactName: 'ghcr.io/acme/inventory',
      sha256: ARTIFACT,
      builderId: 'https://github.com/actions/runner/github-hosted',
      repository: 'acme/inventory',
      commit: '4f2a9c1'.padEnd(40, '0'),
    });
    const signature = inTotoStatement({
      subjects: [
        { name: 'ghcr.io/acme/inventory', digest: { sha256: ARTIFACT } },
      ],
      predicateType: 'https://cosign.sigstore.dev/attestation/v1',
      predicate: { Data: '' },
    });
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    const uploads: Array<[string, Buffer, string]> = [
      ['tests', fixture('jest-junit.xml'), 'application/xml'],
      ['coverage', fixture('istanbul.cobertura.xml'), 'application/xml'],
      ['security', fixture('trivy-and-semgrep.sarif'), 'application/json'],
      ['dependencies', fixture('grype-1.6.cdx.json'), 'application/json'],
      ['readiness', fixture('readiness.json'), 'application/json'],
      [
        'provenance',
        json(releaseSigner.sign(provenance)),
        'application/vnd.dev.sigstore.bundle.v0.3+json',
      ],
      [
        'signature',
        json(releaseSigner.envelope(signature)),
        'application/json',
      ],
    ];
    for (const [evidenceKind, body, type] of uploads) {
      const res = await call({
        method: 'post',
        path: P.upload,
        params: { ...releaseParams('4.2.0'), evidenceKind },
        query: {
          commit: '4f2a9c1',
          pipelineUrl:
            'https://github.com/acme/inventory/actions/runs/9876543210',
          environment: 'staging',
          artifactDigest: `sha256:${ARTIFACT}`,
        },
        body,
        type,
      });
      expect({
        evidenceKind,
        status: res.status,
        error: res.body.error,
      }).toEqual({
        evidenceKind,
        status: 201,
      });
    }
    const otherArtifact = await call({
      method: 'post',
      path: P.upload,
      params: { ...releaseParams('4.2.0'), evidenceKind: 'tests' },
      query: { artifactDigest: `sha256:${'9d'.repeat(32)}` },
      body: fixture('pytest-junit.xml'),
      type: 'application/xml',
    });
    expect(otherArtifact.status).toBe(400);
    expect(otherArtifact.body.error.message).toBe(
      `component:default/inventory 4.2.0 ships sha256:${ARTIFACT}, which its verified provenance and signature evidence is bound to; sha256:${'9d'.repeat(
        32,
      )} is another artifact: release it under a new version`,
    );
    const again = await call({
      method: 'post',
      path: P.upload,
      params: { ...releaseParams('4.2.0'), evidenceKind: 'tests' },
      body: fixture('jest-junit.xml'),
      type: 'application/xml',
    });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    await call({
      method: 'post',
      path: P.upload,
      params: { ...releaseParams('2.4.0', orders), evidenceKind: 'tests' },
      body: fixture('pytest-junit.xml'),
      type: 'application/xml',
    });

    const gate = await getGate('4.2.0');
    expect(gate.status).toBe(200);
    expect(gate.body.override).toBeNull();

    const unknownRelease = await getGate('9.9.9');
    expect(unknownRelease.body).toMatchObject({
      decision: 'fail',
      score: null,
      reasons: [
        {
          checkId: 'release-evidence',
          status: 'missing',
          reason:
            'No evidence has been uploaded for component:default/inventory 9.9.9',
        },
      ],
    });

    const override = await call(overrideCall());
    expect(override.status).toBe(201);

    const overridden = await getGate('4.2.0');
    expect(overridden.body).toMatchObject({
      decision: 'pass',
      override: { id: override.body.id },
    });

    const tooLong = await call(
      overrideCall({ expiresAt: '2099-01-01T00:00:00Z' }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/at most 14 days/);

    const revocation = 'Hotfix 4.2.1 passes the gate on its own';
    const revoked = await call(revokeCall(override.body.id, revocation));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedBy).toBe('user:default/release-manager');
    for (const [overrideId, status] of [
      [override.body.id, 409],
      [override.body.id + 1000, 404],
    ]) {
      const refused = await call(revokeCall(overrideId, revocation));
      expect(refused.status).toBe(status);
    }
    const reinstated = await call(overrideCall());
    expect(reinstated.status).toBe(201);

    const release = await call({
      method: 'get',
      path: P.release,
      params: releaseParams('4.2.0'),
    });
    expect(release.body.evidence.map((e: any) => e.kind).sort()).toEqual(
      [...EVIDENCE_KINDS].sort(),
    );
    expect(release.body.overrides).toHaveLength(2);
    expect(release.body.maxOverrideDays).toBe(14);

    const history = await call({
      method: 'get',
      path: P.history,
      params: inventory,
      query: { limit: 100 },
    });
    expect(history.body.items[0].version).toBe('4.2.0');
    // Each release's gates beside its grade: the reinstated override passes production.
    expect(history.body.items[0].gates).toEqual(
      release.body.evaluation.gates.map(
        (g: { environment: string; decision: string }) => ({
          environment: g.environment,
          decision: g.environment === 'production' ? 'pass' : g.decision,
          policyDecision: g.decision,
        }),
      ),
    );
    expect(history.body.items[0].gates).toContainEqual({
      environment: 'production',
      decision: 'pass',
      policyDecision: gate.body.policyDecision,
    });

    // The portfolio gives the same verdict, beside the policy's own decisions.
    const portfolio = await call({
      method: 'get',
      path: P.portfolio,
      query: { sort: 'name' },
    });
    const line = portfolio.body.items.find(
      (i: { entityRef: string }) =>
        i.entityRef === 'component:default/inventory',
    );
    expect(line.version).toBe('4.2.0');
    expect(line.effectiveGates).toEqual(
      Object.fromEntries(
        history.body.items[0].gates.map(
          (g: { environment: string; decision: string }) => [
            g.environment,
            g.decision,
          ],
        ),
      ),
    );
    expect(line.gates.production).toBe(gate.body.policyDecision);
  });

  it('records delivery events, Waybill JSON and CDEvents, and serves DORA figures', async () => {
    for (const name of EVENT_FIXTURES) {
      const body = JSON.parse(fixture(name).toString('utf8'));
      const res = await call({ method: 'post', path: P.events, body });
      expect(res.status).toBe(201);
    }
    const single = {
      type: 'deployment',
      entityRef: 'component:default/orders',
      occurredAt: '2024-05-20T10:00:00Z',
      version: '2.4.1',
      environment: 'production',
    };
    const first = await call({ method: 'post', path: P.events, body: single });
    const repeated = await call({
      method: 'post',
      path: P.events,
      body: [single],
    });
    expect(first.body).toEqual({ stored: 1, duplicates: 0 });
    expect(repeated.body).toEqual({ stored: 0, duplicates: 1 });

    const dora = await call({
      method: 'get',
      path: P.dora,
      query: {
        entityRef: 'component:default/orders',
        from: '2024-05-01T00:00:00Z',
        to: '2024-06-01T00:00:00Z',
      },
    });
    expect(dora.body.current.deploymentFrequency.deployments).toBeGreaterThan(
      0,
    );
    const byFilter = await call({
      method: 'get',
      path: P.dora,
      query: {
        owner: 'warehouse-systems',
        tier: 'critical',
        businessProcess: 'order-to-cash',
        gate: 'production:fail',
        from: '2024-05-01',
        to: '2024-06-01',
      },
    });
    expect(byFilter.body.entityRefs).toEqual(['component:default/inventory']);
  });

  it('serves the portfolio page by page, and as CSV', async () => {
    const first = await call({
      method: 'get',
      path: P.portfolio,
      query: { sort: '-updated', limit: 1 },
    });
    expect(first.body.totalCount).toBe(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call({
      method: 'get',
      path: P.portfolio,
      query: { sort: '-updated', limit: 1, cursor: first.body.nextCursor },
    });
    expect(second.body.nextCursor).toBeUndefined();
    await call({
      method: 'get',
      path: P.portfolio,
      query: {
        owner: 'group:default/warehouse-systems',
        system: 'erp',
        tier: 'critical',
        businessProcess: 'procure-to-pay',
        grade: 'F',
        gate: 'staging:warn',
      },
    });
    const summary = await call({ method: 'get', path: P.summary });
    expect(summary.body.totalCount).toBe(2);
    expect(
      Object.values(summary.body.grades as Record<string, number>).reduce(
        (a, b) => a + b,
      ),
    ).toBe(2);
    for (const env of ['staging', 'production']) {
      expect(
        Object.values(summary.body.gates[env] as Record<string, number>).reduce(
          (a, b) => a + b,
        ),
      ).toBe(2);
    }
    const filter = { tier: 'critical', gate: 'production:fail' };
    const [filteredSummary, filteredPage] = await Promise.all([
      call({ method: 'get', path: P.summary, query: filter }),
      call({ method: 'get', path: P.portfolio, query: filter }),
    ]);
    expect(filteredSummary.body.totalCount).toBe(filteredPage.body.totalCount);
    const csv = await call({
      method: 'get',
      path: P.csv,
      query: { sort: '-score', tier: 'critical' },
    });
    expect(csv.text.split('\n')[0]).toMatch(/^entity,title,owner/);
  });

  it('starts a policy re-evaluation', async () => {
    const res = await call({ method: 'post', path: P.reevaluate, auth: user });
    expect(res.status).toBe(202);
  });

  it('answers bad requests with 400, 404 and 413 error bodies', async () => {
    const cases: Array<[Call, number]> = [
      [
        {
          method: 'post',
          path: P.upload,
          params: { ...releaseParams('5.0.0'), evidenceKind: 'tests' },
          body: '<testsuites><testsuite name="a">',
          type: 'application/xml',
        },
        400,
      ],
      [
        {
          method: 'post',
          path: P.upload,
          params: { ...releaseParams('5.0.0'), evidenceKind: 'vibes' },
          body: fixture('jest-junit.xml'),
          type: 'application/xml',
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'post',
          path: P.upload,
          params: { ...releaseParams('5.0.0'), evidenceKind: 'tests' },
          body: Buffer.alloc(65 * 1024, 'a'),
          type: 'application/octet-stream',
        },
        413,
      ],
      [
        {
          method: 'post',
          path: P.events,
          body: {
            events: [
              { type: 'deployment', entityRef: 'component:default/orders' },
            ],
          },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'post',
          path: P.events,
          body: '{"events": [',
          type: 'application/json',
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'post',
          path: P.events,
          body: Array.from({ length: 1000 }, (_, i) => ({
            type: 'deployment',
            entityRef: 'component:default/orders',
            occurredAt: '2024-05-20T10:00:00Z',
            id: `bulk-${i}`,
          })),
        },
        413,
      ],
      [
        {
          method: 'get',
          path: P.history,
          params: inventory,
          query: { limit: 0 },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.release,
          params: releaseParams('v'.repeat(256)),
          invalid: true,
        },
        400,
      ],
      [{ method: 'get', path: P.release, params: releaseParams('9.9.9') }, 404],
      [
        {
          method: 'get',
          path: P.gate,
          params: gateParams('4.2.0', 'moon'),
        },
        400,
      ],
      [{ ...overrideCall({ reason: 'ok' }), invalid: true }, 400],
      [overrideCall({}, '9.9.9'), 404],
      [overrideCall({ reason: 'r'.repeat(200 * 1024) }), 413],
      [{ ...revokeCall(1, 'short'), invalid: true }, 400],
      [revokeCall(1, 'r'.repeat(200 * 1024)), 413],
      [
        {
          method: 'post',
          path: P.waivers,
          auth: user,
          body: { ...waiverBody(), reason: 'r'.repeat(20 * 1024) },
          invalid: true,
        },
        413,
      ],
      [
        {
          method: 'post',
          path: P.revokeWaiver,
          auth: user,
          params: pathParams({ waiverId: 1 }),
          body: { reason: 'r'.repeat(20 * 1024) },
          invalid: true,
        },
        413,
      ],
      [
        {
          method: 'post',
          path: P.flagger,
          body: {
            name: 'inventory',
            namespace: 'erp',
            phase: 'Promoting',
            metadata: {
              entityRef: 'component:default/inventory',
              version: '4.2.0',
              environment: 'production',
              token: 't'.repeat(20 * 1024),
            },
          },
        },
        413,
      ],
      [
        {
          method: 'post',
          path: P.flagger,
          body: {
            name: 'inventory',
            namespace: 'erp',
            phase: 'Promoting',
            metadata: {
              entityRef: 'component:default/inventory',
              environment: 'production',
              token: mockCredentials.service.token({
                onBehalfOf: mockCredentials.service('flagger'),
                targetPluginId: 'scorecards',
              }),
            },
          },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.portfolio,
          query: { gate: 'production', sort: 'random' },
          invalid: true,
        },
        400,
      ],
      [
        { method: 'get', path: P.csv, query: { tier: 'gold' }, invalid: true },
        400,
      ],
      [
        {
          method: 'get',
          path: P.summary,
          query: { sort: 'name' },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.dora,
          query: { from: '2024-06-01T00:00:00Z', to: '2024-05-01T00:00:00Z' },
        },
        400,
      ],
    ];
    expect(await wrongErrorAnswers(cases)).toEqual([]);
  });

  it('answers 401 without a token and 403 without the permission, on every route', async () => {
    const params = {
      ...inventory,
      version: '4.2.0',
      evidenceKind: 'tests',
      environment: 'production',
      overrideId: 1,
      waiverId: 1,
    };
    const bodies: Record<string, Pick<Call, 'body' | 'type'>> = {
      [P.upload]: { body: fixture('jest-junit.xml'), type: 'application/xml' },
      [P.events]: {
        body: { events: [] },
      },
      [P.override]: {
        body: {
          reason: 'EDI outage hotfix, drill booked',
          expiresAt: tomorrow(),
        },
      },
      [P.revoke]: { body: { reason: 'Hotfix 4.2.1 passes the gate' } },
      [P.waivers]: { body: waiverBody() },
      [P.revokeWaiver]: { body: { reason: 'The coverage run is back' } },
    };
    const unguarded = await unguardedRoutes(o => {
      const names = [...o.path.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
      return {
        method: o.method as Call['method'],
        path: o.path,
        params: Object.fromEntries(names.map(n => [n, (params as any)[n]])),
        query:
          o.path === P.dora
            ? { from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z' }
            : undefined,
        ...(o.method === 'get' ? {} : bodies[o.path]),
      };
    }, 'denied');
    // Flagger's webhook authenticates by the token in its body, not by a header: its own test
    // below sends it without one, with a bad one, and to the denied backend.
    expect(unguarded.filter(([route]) => route !== P.flagger)).toEqual([]);
  });

  it('asks for, approves, lists and revokes waivers', async () => {
    const manager = mockCredentials.user.header('user:default/other-manager');
    const ask = await call({
      method: 'post',
      path: P.waivers,
      auth: user,
      body: waiverBody(),
    });
    expect(ask.status).toBe(201);
    const waiverId = String(ask.body.id);
    const approve = (auth: string, id = waiverId) =>
      call({
        method: 'post',
        path: P.approveWaiver,
        auth,
        params: pathParams({ waiverId: Number(id) }),
      });
    const revoke = (reason: string, id = waiverId) =>
      call({
        method: 'post',
        path: P.revokeWaiver,
        auth: user,
        params: pathParams({ waiverId: Number(id) }),
        body: { reason },
      });
    expect((await approve(manager)).status).toBe(200);
    expect((await approve(manager)).status).toBe(409);
    expect((await approve(manager, '999999')).status).toBe(404);
    expect(
      (
        await call({
          method: 'get',
          path: P.waivers,
          query: { entityRef: 'component:default/inventory' },
        })
      ).body.items,
    ).toContainEqual(
      expect.objectContaining({ id: ask.body.id, status: 'active' }),
    );
    expect(
      (
        await call({
          method: 'get',
          path: P.waivers,
          query: { status: 'granted' },
          invalid: true,
        })
      ).status,
    ).toBe(400);
    // Long enough for the spec, too short once its white space is trimmed.
    expect((await revoke('    short     ', waiverId)).status).toBe(400);
    expect((await revoke('The coverage run is back', '999999')).status).toBe(
      404,
    );
    expect((await revoke('The coverage run is back')).status).toBe(200);
    expect((await revoke('The coverage run is back')).status).toBe(409);
    expect(
      (
        await call({
          method: 'post',
          path: P.waivers,
          auth: user,
          body: { ...waiverBody(), checkId: 'nope' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call({
          method: 'post',
          path: P.waivers,
          auth: user,
          server: 'catalogBlind',
          body: waiverBody(),
        })
      ).status,
    ).toBe(404);
  });

  it('signs the gate as an SLSA verification summary, and answers Flagger from the same gate', async () => {
    const params = gateParams('7.0.0');
    const upload = (query: Record<string, string>) =>
      call({
        method: 'post',
        path: P.upload,
        params: { ...releaseParams('7.0.0'), evidenceKind: 'tests' },
        query,
        body: fixture('jest-junit.xml'),
        type: 'application/xml',
      });
    const attest = (over: Partial<Call> = {}) =>
      call({ method: 'get', path: P.attestation, params, ...over });
    const flagger = (metadata: Record<string, string>, server?: string) =>
      call({
        method: 'post',
        path: P.flagger,
        auth: mockCredentials.none.header(),
        server: server as Call['server'],
        body: {
          name: 'inventory',
          namespace: 'erp',
          phase: 'Promoting',
          checksum: '6d4f8c',
          metadata: {
            entityRef: 'component:default/inventory',
            version: '7.0.0',
            environment: 'production',
            token: mockCredentials.service.token({
              onBehalfOf: mockCredentials.service('flagger'),
              targetPluginId: 'scorecards',
            }),
            ...metadata,
          },
        },
      });

    expect((await flagger({})).status).toBe(412);
    expect((await attest()).status).toBe(409);
    await upload({ artifactDigest: `sha256:${'7a'.repeat(32)}` });
    expect((await attest()).status).toBe(200);
    expect(
      (await attest({ query: { format: 'sigstore-bundle' } })).body,
    ).toMatchObject({
      verificationMaterial: { publicKey: { hint: 'waybill-test' } },
    });
    expect(
      (await attest({ query: { format: 'pem' }, invalid: true })).status,
    ).toBe(400);
    expect((await attest({ auth: user, server: 'catalogBlind' })).status).toBe(
      404,
    );
    expect((await attest({ server: 'unsigned' })).status).toBe(503);
    expect((await call({ method: 'get', path: P.keys })).body.keys).toEqual([
      expect.objectContaining({ keyId: 'waybill-test', signing: true }),
    ]);

    // Held by the policy; let through by an override, as the gate route would.
    expect((await flagger({})).status).toBe(412);
    expect((await call(overrideCall({}, '7.0.0'))).status).toBe(201);
    expect((await flagger({})).status).toBe(200);
    expect((await flagger({ token: 'forged' })).status).toBe(401);
    expect((await flagger({}, 'denied')).status).toBe(403);
    expect(
      (
        await flagger(
          { token: mockCredentials.user.token('user:default/release-manager') },
          'catalogBlind',
        )
      ).status,
    ).toBe(404);
  });

  it("answers 404 for an entity the catalog does not let the user read, on the entity's reads", async () => {
    for (const c of [
      { path: P.history, params: inventory },
      { path: P.release, params: releaseParams('4.2.0') },
      {
        path: P.gate,
        params: gateParams('4.2.0'),
      },
      {
        path: P.dora,
        query: {
          entityRef: 'component:default/inventory',
          from: '2024-05-01T00:00:00Z',
          to: '2024-06-01T00:00:00Z',
        },
      },
    ]) {
      const res = await call({
        method: 'get',
        ...c,
        auth: user,
        server: 'catalogBlind',
      });
      expect([c.path, res.status]).toEqual([c.path, 404]);
    }
  });

  it('has exercised every response openapi.yaml documents', () => {
    expect(
      openapi.unexercisedResponses(['POST /policy/reevaluate 409']),
    ).toEqual([]);
  });
}
