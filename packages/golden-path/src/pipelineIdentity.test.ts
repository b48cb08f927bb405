import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  RepoHost,
  registerLocation,
  tenantEntities,
  tenantsFor,
  waitForEntities,
} from './estate';
import { waybillApi } from './harness';
import { GithubJobIdentity, OidcIssuer } from './oidcIssuer';
import { RunningWaybill, startWaybill } from './portal';
import { guestToken } from './scaffold';

/**
 * Who may act for a service, asked of the real backend with production's external access
 * (app-config.production.yaml's pipeline entries and static CI token) and tokens from a test
 * OIDC issuer on loopback.
 */
jest.setTimeout(240_000);

const SERVICE = 'identity-demo';
const ENTITY = `component/default/${SERVICE}`;
const RELEASE = `/api/scorecards/entities/${ENTITY}/releases/1.0.0`;
const JUNIT =
  '<?xml version="1.0"?><testsuites tests="1" failures="0"><testsuite name="unit" tests="1" failures="0"><testcase name="books stock" classname="stock" time="0.1"/></testsuite></testsuites>';

const job = (repository: string): GithubJobIdentity => ({
  repository,
  ref: 'refs/heads/main',
  sha: 'a'.repeat(40),
  runId: '1',
  eventName: 'push',
  workflowPath: '.github/workflows/golden-pipeline.yml',
  job: 'release',
});

describe('pipeline identity against the real backend with production access', () => {
  let issuer: OidcIssuer;
  let host: RepoHost;
  let waybill: RunningWaybill;
  let directory: string;
  const ciToken = randomBytes(24).toString('hex');
  let rolloutId: number;

  /** A call with a bearer token, answering status and JSON. */
  const as = (token: string, method: string, route: string, body?: unknown) =>
    waybillApi(waybill.url, token, method, route, body);

  /** Every state change scoped to the service's entity, in the order a pipeline makes them. */
  const entityWrites = (token: string) => ({
    'evidence upload': () =>
      fetch(`${waybill.url}${RELEASE}/evidence/tests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/xml',
        },
        body: JUNIT,
      }).then(async r => ({ status: r.status, body: await r.json() })),
    'delivery events': () =>
      as(token, 'POST', '/api/scorecards/events', {
        events: [
          {
            id: `deploy-${randomBytes(4).toString('hex')}`,
            type: 'deployment',
            entityRef: `component:default/${SERVICE}`,
            environment: 'production',
            version: '1.0.0',
            commit: 'a'.repeat(40),
            occurredAt: new Date().toISOString(),
          },
        ],
      }),
    'rollout create': () =>
      as(token, 'POST', '/api/tenant-rollouts/rollouts', {
        entityRef: `component:default/${SERVICE}`,
        version: '1.0.0',
        environment: 'production',
      }),
    'rollout start': () =>
      as(
        token,
        'POST',
        `/api/tenant-rollouts/rollouts/${rolloutId}/actions/start`,
      ),
    'status report': () =>
      as(
        token,
        'POST',
        `/api/tenant-rollouts/rollouts/${rolloutId}/tenants/status`,
        { statuses: [{ tenant: 'idt-internal-aws-1', status: 'healthy' }] },
      ),
  });

  /** What only people may do. */
  const peopleOnly = (token: string) => ({
    'gate override': () =>
      as(token, 'POST', `${RELEASE}/gates/production/overrides`, {
        reason: 'EDI outage hotfix, drill booked',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    'policy re-evaluation': () =>
      as(token, 'POST', '/api/scorecards/policy/reevaluate'),
    'rollout override': () =>
      as(
        token,
        'POST',
        `/api/tenant-rollouts/rollouts/${rolloutId}/actions/advance`,
        { override: true, reason: 'the release manager said so' },
      ),
    rollback: () =>
      as(
        token,
        'POST',
        `/api/tenant-rollouts/rollouts/${rolloutId}/actions/rollback`,
        { reason: 'the release double-books stock' },
      ),
  });

  const state = async () => {
    const release = await as(waybill.token, 'GET', RELEASE);
    const rollout = await as(
      waybill.token,
      'GET',
      `/api/tenant-rollouts/rollouts/${rolloutId}`,
    );
    return {
      evidence: release.body.evidence.length,
      overrides: release.body.overrides?.length ?? 0,
      rollout: {
        state: rollout.body.state,
        lockVersion: rollout.body.lockVersion,
      },
      rollouts: (
        await as(
          waybill.token,
          'GET',
          `/api/tenant-rollouts/rollouts?entityRef=component:default/${SERVICE}`,
        )
      ).body.items.length,
    };
  };

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-identity-'));
    [issuer, host] = await Promise.all([OidcIssuer.start(), RepoHost.start()]);
    waybill = await startWaybill({
      directory,
      githubIssuer: issuer.githubIssuer,
      gitlabIssuer: issuer.gitlabIssuer,
      readingAllowHosts: [host.hostAndPort],
      productionCiToken: ciToken,
    });
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: SERVICE,
        annotations: {
          'github.com/project-slug': 'meridian/identity-demo',
          'waybill.dev/tier': 'standard',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/order-management',
      },
    };
    const tenants = tenantsFor('idt', ['aws']);
    const location = host.serveCatalogFile(
      `${SERVICE}.yaml`,
      [component, ...tenantEntities(SERVICE, 'shared', tenants)]
        .map(d => stringify(d))
        .join('---\n'),
    );
    await registerLocation(waybill.url, waybill.token, location);
    await waitForEntities(waybill.url, waybill.token, [
      `component:default/${SERVICE}`,
      ...tenants.map(t => `resource:default/${t.name}`),
    ]);
  });

  afterAll(async () => {
    await waybill?.stop();
    await Promise.all([issuer?.close(), host?.close()]);
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  });

  it("lets the service's own pipeline act for it, whatever its subject says, but never override or roll back", async () => {
    const own = await issuer.mintGithub(job('meridian/identity-demo'));
    const writes = entityWrites(own);
    expect((await writes['evidence upload']()).status).toBe(201);
    expect((await writes['delivery events']()).status).toBe(201);
    const created = await writes['rollout create']();
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe(
      'pipeline:github:meridian/identity-demo',
    );
    rolloutId = created.body.id;

    // A customised subject template changes `sub`, not the repository claim: the same file is
    // accepted again (200, a duplicate of the first upload).
    const customised = await issuer.mintGithub(
      job('meridian/identity-demo'),
      'waybill',
      { subject: 'repository_owner:meridian:context:production' },
    );
    expect((await entityWrites(customised)['evidence upload']()).status).toBe(
      200,
    );

    const before = await state();
    for (const [name, call] of Object.entries(peopleOnly(own))) {
      const res = await call();
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
    }
    expect(await state()).toEqual(before);
  });

  it('refuses 403 on every entity-scoped write, override, rollback and re-evaluation to another repository, a customised subject of another repository, a token naming no repository and the static CI token', async () => {
    const callers: Record<string, string> = {
      'another repository': await issuer.mintGithub(
        job('meridian/other-service'),
      ),
      'customised subject, another repository': await issuer.mintGithub(
        job('attacker/tools'),
        'waybill',
        { subject: 'repository_owner:attacker' },
      ),
      'no repository claim': await issuer.mintGithub(
        job('meridian/identity-demo'),
        'waybill',
        { withoutRepositoryClaim: true },
      ),
      'static CI token': ciToken,
    };
    const before = await state();
    const refusals: string[] = [];
    for (const [caller, token] of Object.entries(callers)) {
      for (const [route, call] of Object.entries({
        ...entityWrites(token),
        ...peopleOnly(token),
      })) {
        const res = await call();
        refusals.push(`${caller} | ${route} | ${res.status}`);
        expect({ caller, route, status: res.status }).toEqual({
          caller,
          route,
          status: 403,
        });
      }
    }
    // Nothing was written: no evidence, override, rollout or move.
    expect(await state()).toEqual(before);
    expect(refusals).toHaveLength(4 * 9);
  });

  it('answers 401 to a wrong audience and an expired token', async () => {
    const tokens = [
      await issuer.mintGithub(job('meridian/identity-demo'), 'not-waybill'),
      await issuer.mintGithub(job('meridian/identity-demo'), 'waybill', {
        expiresInSeconds: -120,
      }),
    ];
    for (const token of tokens) {
      for (const call of Object.values({
        ...entityWrites(token),
        ...peopleOnly(token),
      })) {
        expect((await call()).status).toBe(401);
      }
    }
  });

  it('lets a person with the role override the gate the pipelines may not', async () => {
    const person = await guestToken(waybill.url);
    const res = await peopleOnly(person)['gate override']();
    expect(res.status).toBe(201);
    expect(res.body.actor).toBe('user:default/guest');
  });
});
