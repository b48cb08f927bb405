import fs from 'fs';
import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import demoPlugin from '.';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');
const appConfig = parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../../app-config.yaml'),
    'utf8',
  ),
);
const components = [
  'erp.yaml',
  'integrations.yaml',
  'customer-apps.yaml',
].flatMap(file =>
  parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(entity => entity.kind === 'Component'),
);

describe('demo evidence', () => {
  it('seeds the demo releases through the scorecards API: mostly passing, two blocked for production', async () => {
    const { server } = await startTestBackend({
      features: [
        scorecardsPlugin,
        demoPlugin,
        catalogServiceMock.factory({ entities: components }),
        mockServices.rootConfig.factory({
          data: {
            // The portal's own trust (app-config.yaml), which must hold the demo's signers.
            scorecards: { trust: appConfig.scorecards.trust },
            waybill: {
              demo: {
                seedEvidence: path.join(examples, 'evidence/releases.yaml'),
              },
            },
          },
        }),
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/scorecards${url}`)
        .set('Authorization', mockCredentials.user.header());

    // Seeded once every demo release has all its evidence (seven kinds, less an unsigned
    // release's signature or a release's missing provenance): the portfolio lists an entity from
    // its first upload, before the rest of its release's evidence is in.
    const demo = parse(
      fs.readFileSync(path.join(examples, 'evidence/releases.yaml'), 'utf8'),
    ).releases as Array<{
      entity: string;
      version: string;
      supplyChain?: { signed?: boolean; provenanceLevel?: number };
    }>;
    for (const release of demo) {
      const expected =
        7 -
        (release.supplyChain?.signed === false ? 1 : 0) -
        (release.supplyChain?.provenanceLevel === 0 ? 1 : 0);
      const { kind, namespace, name } = parseEntityRef(release.entity);
      const url = `/entities/${kind}/${namespace}/${name}/releases/${encodeURIComponent(
        release.version,
      )}`;
      let evidence: unknown[] = [];
      for (let i = 0; i < 200 && evidence.length < expected; i++) {
        evidence = (await get(url)).body.evidence ?? [];
        if (evidence.length < expected) {
          await new Promise(resolve => setTimeout(resolve, 300));
        }
      }
      expect(evidence).toHaveLength(expected);
    }
    const portfolio = (await get('/portfolio?limit=100')).body;
    expect(portfolio.totalCount).toBe(14);

    const production = (ref: string) =>
      portfolio.items.find((item: any) => item.entityRef === ref).gates
        .production;
    expect(production('component:default/inventory')).toBe('fail');
    expect(production('component:default/edi-gateway')).toBe('fail');

    const inventory = (
      await get(
        '/entities/component/default/inventory/releases/5.2.0/gates/production',
      )
    ).body;
    expect(inventory.reasons[0]).toMatchObject({
      checkId: 'no-critical-dependency-vulnerabilities',
      enforcement: 'fail',
    });
    const edi = (
      await get(
        '/entities/component/default/edi-gateway/releases/3.1.0/gates/production',
      )
    ).body;
    expect(edi.reasons.map((r: any) => r.checkId)).toEqual([
      'rollback-drill-recent',
    ]);

    // Provenance and signatures are verified against the demo signers app-config.yaml trusts:
    // payment reconciliation's self-hosted build reaches SLSA build level 1 only.
    const payments = (
      await get(
        '/entities/component/default/payment-reconciliation/releases/1.12.0',
      )
    ).body;
    const provenance = payments.evidence.find(
      (e: any) => e.kind === 'provenance',
    );
    expect(provenance.facts).toMatchObject({
      slsaBuildLevel: 1,
      signer: { kind: 'key', keyId: 'waybill-demo-self-hosted-runner' },
      sourceRepository:
        'https://github.com/meridian-supply/payment-reconciliation',
    });
    expect(
      payments.evaluation.checks.find((c: any) => c.id === 'provenance-slsa-2'),
    ).toMatchObject({ status: 'fail', observed: 1 });

    const decisions = portfolio.items.map((item: any) => item.gates.production);
    const count = (decision: string) =>
      decisions.filter((d: string) => d === decision).length;
    expect({
      pass: count('pass'),
      warn: count('warn'),
      fail: count('fail'),
    }).toEqual({
      pass: 8,
      warn: 4,
      fail: 2,
    });

    const dora = (
      await get(
        `/dora?businessProcess=inventory-allocation&from=${new Date(
          Date.now() - 60 * 86400000,
        ).toISOString()}&to=${new Date().toISOString()}`,
      )
    ).body;
    expect(dora.current.deploymentFrequency.deployments).toBeGreaterThan(0);
    expect(dora.current.changeFailureRate.failedDeployments).toBe(1);
  });
});
