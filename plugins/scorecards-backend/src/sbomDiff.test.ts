import path from 'node:path';
import type { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTestDatabases,
  loadOpenApiSpec,
  specRequests,
} from '@waybill/test-utils';
import { scorecardsPlugin } from './plugin';
import { ci, inventory } from './__testUtils__/releaseFixtures';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const openapi = loadOpenApiSpec(path.join(__dirname, 'schema/openapi.yaml'), {
  id: 'https://waybill.dev/scorecards/openapi.json',
});

const P = {
  upload:
    '/entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}',
  release: '/entities/{kind}/{namespace}/{name}/releases/{version}',
  gate: '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}',
};

/** The check the scorecards-common README shows: no release may bring a new critical vulnerability. */
const noNewCriticalPolicy = {
  checks: [
    {
      id: 'no-new-critical-dependency-vulnerabilities',
      title: 'No new critical dependency vulnerabilities',
      fixHint:
        'Upgrade or remove the dependency that brings the vulnerability.',
      fact: 'dependencies.newVulnerabilitiesBySeverity.critical',
      operator: '<=',
      threshold: 0,
      weight: 1,
      enforcement: 'fail',
    },
  ],
};

/** A CycloneDX 1.6 BOM as grype writes it: components by purl, vulnerabilities rated. */
function cyclonedx(
  purls: string[],
  vulnerabilities: Array<[id: string, severity: string, purl: string]>,
): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: purls.map(purl => ({
      type: 'library',
      'bom-ref': purl,
      name: purl.replace(/^pkg:npm\/|@[^@]*$/g, ''),
      purl,
    })),
    vulnerabilities: vulnerabilities.map(([id, severity, purl]) => ({
      id,
      ratings: [{ severity }],
      affects: [{ ref: purl }],
    })),
  });
}

const EXPRESS_OLD = 'pkg:npm/express@4.18.2';
const EXPRESS_NEW = 'pkg:npm/express@4.21.1';
const QS = 'pkg:npm/qs@6.10.3';
const XML_PARSER = 'pkg:npm/fast-xml-parser@4.2.4';

/** 4.1.0: a high vulnerability in qs. */
const sbom410 = cyclonedx([EXPRESS_OLD, QS], [['CVE-2022-24999', 'high', QS]]);
/** 4.2.0: express upgraded, and fast-xml-parser added with a critical vulnerability. */
const sbom420 = cyclonedx(
  [EXPRESS_NEW, QS, XML_PARSER],
  [
    ['CVE-2022-24999', 'high', QS],
    ['CVE-2026-41234', 'critical', XML_PARSER],
  ],
);

describe.each(databases.eachSupportedId())(
  'the SBOM diff between releases on %s',
  databaseId => {
    let server: Server;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [inventory] }),
          mockServices.permissions.factory(),
          mockServices.rootConfig.factory({
            data: { scorecards: { policy: noNewCriticalPolicy } },
          }),
        ],
      }));
    });

    const { call } = specRequests(openapi, {
      base: '/api/scorecards',
      servers: () => ({ main: server }),
      server: 'main',
      auth: ci,
    });
    const release = (version: string) => ({
      kind: 'component',
      namespace: 'default',
      name: 'inventory',
      version,
    });
    const uploadSbom = async (version: string, body: string) => {
      const res = await call({
        method: 'post',
        path: P.upload,
        params: { ...release(version), evidenceKind: 'dependencies' },
        body,
        type: 'application/vnd.cyclonedx+json',
      });
      expect(res.status).toBe(201);
    };
    const dependencyFacts = async (version: string) => {
      const res = await call({
        method: 'get',
        path: P.release,
        params: release(version),
      });
      expect(res.status).toBe(200);
      return res.body.evidence.find((e: any) => e.kind === 'dependencies')
        .facts;
    };
    const productionGate = async (version: string) =>
      (
        await call({
          method: 'get',
          path: P.gate,
          params: { ...release(version), environment: 'production' },
        })
      ).body;

    it('diffs each release against the one created before it, and gates on what it introduces', async () => {
      await uploadSbom('4.1.0', sbom410);
      await uploadSbom('4.2.0', sbom420);

      // The first release has nothing to compare with; its high vulnerability counts as new.
      expect((await dependencyFacts('4.1.0')).diff).toBeNull();
      expect(await productionGate('4.1.0')).toMatchObject({
        decision: 'pass',
        reasons: [],
      });

      const facts420 = await dependencyFacts('4.2.0');
      expect(facts420.components).toEqual([EXPRESS_NEW, XML_PARSER, QS]);
      expect(facts420.diff).toEqual({
        againstVersion: '4.1.0',
        addedComponents: [EXPRESS_NEW, XML_PARSER],
        removedComponents: [EXPRESS_OLD],
        introducedVulnerabilities: [
          { id: 'CVE-2026-41234', severity: 'critical' },
        ],
        fixedVulnerabilities: [],
        introducedBySeverity: {
          critical: 1,
          high: 0,
          medium: 0,
          low: 0,
          info: 0,
        },
      });
      // Blocked by the critical vulnerability 4.2.0 brings, and by nothing else.
      expect(await productionGate('4.2.0')).toMatchObject({
        decision: 'fail',
        reasons: [
          {
            checkId: 'no-new-critical-dependency-vulnerabilities',
            status: 'fail',
            reason: '1 new critical dependency vulnerability (allowed: 0)',
          },
        ],
      });

      // A release that keeps the critical vulnerability does not introduce it.
      await uploadSbom('4.2.1', sbom420);
      expect((await dependencyFacts('4.2.1')).diff).toMatchObject({
        againstVersion: '4.2.0',
        addedComponents: [],
        removedComponents: [],
        introducedVulnerabilities: [],
      });
      expect((await productionGate('4.2.1')).decision).toBe('pass');
    });

    it('diffs a new SBOM of an older release against that release’s predecessor', async () => {
      // 4.2.0 fixes its critical vulnerability: a new SBOM of the release, after 4.2.1 exists.
      await uploadSbom(
        '4.2.0',
        cyclonedx(
          [EXPRESS_NEW, QS, 'pkg:npm/fast-xml-parser@4.4.1'],
          [['CVE-2022-24999', 'high', QS]],
        ),
      );
      expect((await dependencyFacts('4.2.0')).diff).toMatchObject({
        againstVersion: '4.1.0',
        addedComponents: [EXPRESS_NEW, 'pkg:npm/fast-xml-parser@4.4.1'],
        removedComponents: [EXPRESS_OLD],
        introducedVulnerabilities: [],
      });
      expect((await productionGate('4.2.0')).decision).toBe('pass');
    });
  },
);
