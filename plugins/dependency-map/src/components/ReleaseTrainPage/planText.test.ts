import { ReleaseTrainPlan } from '@waybill/plugin-dependency-map-common';
import {
  formatReleaseTrainList,
  parseReleaseTrainList,
  planToJson,
  planToMarkdown,
} from './planText';

describe('parseReleaseTrainList', () => {
  it('reads one ref and version per line, in several separators, skipping comments', () => {
    const { changes, errors } = parseReleaseTrainList(
      [
        '# the pricing change',
        'api:pricing-api 3.0.0',
        '',
        'pricing-api\t3.0.0',
        'customer-portal,5.0.0',
        'component:default/sales@2.1.0  # with an at sign',
        'pricing-api 3.0.1',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(changes).toEqual([
      { entityRef: 'api:pricing-api', version: '3.0.0' },
      { entityRef: 'customer-portal', version: '5.0.0' },
      { entityRef: 'component:default/sales', version: '2.1.0' },
      { entityRef: 'pricing-api', version: '3.0.1' },
    ]);
    expect(formatReleaseTrainList(changes.slice(0, 2))).toBe(
      'api:pricing-api 3.0.0\ncustomer-portal 5.0.0',
    );
  });

  it('names the lines it cannot read', () => {
    const { changes, errors } = parseReleaseTrainList(
      'inventory\nsales 1.0.0\nwarehouse 1 2',
    );
    expect(changes).toEqual([{ entityRef: 'sales', version: '1.0.0' }]);
    expect(errors.map(e => e.line)).toEqual([1, 3]);
  });
});

const plan: ReleaseTrainPlan = {
  changes: [
    {
      entityRef: 'component:default/customer-portal',
      kind: 'component',
      type: 'website',
      title: 'Customer Portal',
      version: '5.0.0',
      stage: 1,
    },
    {
      entityRef: 'component:default/pricing-api',
      kind: 'component',
      type: 'service',
      title: 'Pricing | API',
      version: '3.0.0',
      stage: 0,
    },
  ],
  sequence: [
    'component:default/pricing-api',
    'component:default/customer-portal',
  ],
  stages: [
    { index: 0, changes: [], blockers: [] },
    { index: 1, changes: [], blockers: [] },
  ],
  blockers: [],
  incompatibilities: [],
  prematureConsumers: [
    {
      consumer: 'component:default/customer-portal',
      needs: 'component:default/pricing-api',
      reason: 'needs-new-api-version',
      message: 'Customer Portal must wait for Pricing API 3.0.0',
    },
  ],
  rejected: [],
  safe: true,
};

describe('plan export', () => {
  const createdAt = new Date('2026-11-23T12:00:00Z');

  it('writes a change record in Markdown', () => {
    const markdown = planToMarkdown(plan, { createdAt });
    expect(markdown).toContain('# Change record: Release train');
    expect(markdown).toContain('- Deploy stages: 2');
    expect(markdown).toContain('- Verdict: safe to release in this order');
    expect(markdown).toContain('| Entity | Kind | Version | Current | Stage |');
    expect(markdown).toContain(
      '| Pricing \\| API (`component:default/pricing-api`) | service | 3.0.0 |  | 1 |',
    );
    expect(markdown).toContain(
      '1. `component:default/pricing-api` → 3.0.0 (stage 1)\n2. `component:default/customer-portal` → 5.0.0 (stage 2)',
    );
    expect(markdown).toContain(
      '- `component:default/customer-portal` waits for `component:default/pricing-api`: Customer Portal must wait for Pricing API 3.0.0',
    );
    expect(markdown).toContain('## Deploy stages\n\n- Stage 1:');
    expect(markdown).toContain('## Blockers\n\nNone.');
  });

  it('lists the changes that were not planned, and calls the train not safe', () => {
    const markdown = planToMarkdown(
      {
        ...plan,
        safe: false,
        rejected: [
          {
            index: 2,
            entityRef: 'billing',
            version: '1.0.0',
            reason: 'unknown-entity',
            message: 'No entity "billing" in the dependency map',
          },
        ],
      },
      { createdAt },
    );
    expect(markdown).toContain('- Changes: 2 planned, 1 not planned');
    expect(markdown).toContain(
      '## Not planned\n\n- Change 3 (`billing` 1.0.0): No entity "billing" in the dependency map',
    );
    expect(markdown).toContain(
      '- Verdict: NOT SAFE: resolve the changes not planned, blockers and incompatibilities below first',
    );
  });

  it('writes the request and the plan as JSON, without the graph summary', () => {
    const json = JSON.parse(
      planToJson(
        [{ entityRef: 'pricing-api', version: '3.0.0' }],
        { ...plan, graph: { nodeCount: 1 } } as ReleaseTrainPlan,
        { createdAt },
      ),
    );
    expect(json).toMatchObject({
      kind: 'waybill.dev/release-train-plan',
      createdAt: '2026-11-23T12:00:00.000Z',
      request: { changes: [{ entityRef: 'pricing-api', version: '3.0.0' }] },
      plan: { safe: true, sequence: plan.sequence },
    });
    expect(json.plan.graph).toBeUndefined();
  });
});
