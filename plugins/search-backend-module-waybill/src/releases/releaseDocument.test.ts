import type {
  PortfolioItem,
  ReleaseSummary,
} from '@waybill/plugin-scorecards-common';
import { gatesText, releaseDocument } from './releaseDocument';

const inventory: PortfolioItem = {
  entityRef: 'component:default/inventory',
  title: 'Inventory',
  owner: 'group:default/warehouse-systems',
  system: 'system:default/erp-core',
  tier: 'critical',
  businessProcesses: [
    'domain:default/order-to-cash',
    'domain:finance/procure-to-pay',
  ],
  version: '5.2.0',
  releasedAt: '2026-12-01T10:00:00.000Z',
  score: 41,
  grade: 'F',
  gates: { staging: 'pass', production: 'fail' },
  effectiveGates: { staging: 'pass', production: 'fail' },
  gateAdjustments: {},
  failingChecks: [],
};

const release: ReleaseSummary = {
  entityRef: 'component:default/inventory',
  version: '5.2.0',
  createdAt: '2026-12-01T10:00:00.000Z',
  score: 41,
  grade: 'F',
  gates: [
    { environment: 'staging', decision: 'pass', policyDecision: 'pass' },
    { environment: 'production', decision: 'fail', policyDecision: 'fail' },
  ],
};

describe('releaseDocument', () => {
  it('names the release, says what the entity is and how its gates decide, and links its scorecard', () => {
    expect(releaseDocument(inventory, release)).toEqual({
      title: 'inventory 5.2.0',
      text:
        'Inventory. Owner: warehouse-systems. System: erp-core. ' +
        'Business processes: order-to-cash, finance/procure-to-pay. ' +
        'Grade F, score 41. Gates: staging: pass, production: fail.',
      location: '/catalog/default/component/inventory/scorecards?release=5.2.0',
      authorization: { resourceRef: 'component:default/inventory' },
      entityRef: 'component:default/inventory',
      version: '5.2.0',
      score: 41,
      grade: 'F',
      gates: release.gates,
    });
  });

  it('leaves out what the entity does not declare, and says a release is not evaluated yet', () => {
    const document = releaseDocument(
      { ...inventory, owner: null, system: null, businessProcesses: [] },
      { ...release, score: null, grade: null, gates: [] },
    );
    expect(document.text).toBe(
      'Inventory. Not evaluated yet. No gate decisions yet.',
    );
    expect(document).toMatchObject({ score: null, grade: null, gates: [] });
  });

  it('keeps a namespace other than default in the title, and encodes the link', () => {
    const ref = 'component:logistics/inventory';
    const document = releaseDocument(
      { ...inventory, entityRef: ref },
      { ...release, entityRef: ref, version: '5.2.0+build.7' },
    );
    expect(document.title).toBe('logistics/inventory 5.2.0+build.7');
    expect(document.location).toBe(
      '/catalog/logistics/component/inventory/scorecards?release=5.2.0%2Bbuild.7',
    );
    expect(document.authorization).toEqual({ resourceRef: ref });
  });
});

describe('gatesText', () => {
  it("says the policy's decision beside a gate that waivers or an override changed", () => {
    expect(
      gatesText([
        { environment: 'staging', decision: 'warn', policyDecision: 'warn' },
        {
          environment: 'production',
          decision: 'pass',
          policyDecision: 'fail',
        },
      ]),
    ).toBe('Gates: staging: warn, production: pass (policy: fail)');
  });
});
