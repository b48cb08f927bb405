// The test runs in Node (Playwright), not in the app's bundle: it reads the template from disk.
// eslint-disable-next-line no-restricted-imports
import fs from 'fs';
// eslint-disable-next-line no-restricted-imports
import path from 'path';
import { expect, Locator, Page, test } from '@playwright/test';
import { waitForBackend } from './portal';
import {
  chooseClouds,
  chooseTemplate,
  fillRepoUrl,
  fillServicePage,
  openCreate,
  pickEntity,
  selectOption,
  textbox,
} from './templateForm';

/**
 * The golden-pipeline templates in the browser: the three templates at /create, and each of
 * them filled in through its own form's widgets (entity pickers, checkboxes, selects, never by
 * typing a value around them), reviewed and dry-run in the template editor (/create/edit), with
 * its generated files.
 *
 * The editor loads a template directory through the File System Access API
 * (`window.showDirectoryPicker`), which needs a person to pick a folder. The test reads
 * templates/<name> from disk and gives the page a `showDirectoryPicker` that returns an
 * in-memory directory handle over those files (see `installTemplateDirectory`).
 */

const repoRoot = path.resolve(__dirname, '../../..');

const TEMPLATE_TITLES = [
  'TypeScript API service',
  'ERP integration worker',
  'Customer-facing web app',
];

type TemplateFile = { path: string; content: string };

/** Every file under a directory, with paths relative to it ('/'-separated). */
function readDirectory(dir: string, base: string[] = []): TemplateFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? readDirectory(path.join(dir, entry.name), [...base, entry.name])
      : [
          {
            path: [...base, entry.name].join('/'),
            content: fs.readFileSync(path.join(dir, entry.name), 'utf8'),
          },
        ],
  );
}

/**
 * Runs in the page before its scripts (page.addInitScript), so it must not reference anything
 * outside itself. Gives the page a `window.showDirectoryPicker` that resolves to a
 * FileSystemDirectoryHandle-like object over `files`, implementing what the scaffolder's
 * template editor uses (plugin-scaffolder `lib/filesystem/WebFileSystemAccess`):
 * `kind`, `name`, `values()` (and `entries()`, `keys()`, async iteration), `getFileHandle` and
 * `getDirectoryHandle` (with `{ create }`), `queryPermission`/`requestPermission`
 * ('granted'), and on files `getFile()` (a File) and `createWritable()` (writes kept in
 * memory, committed on `close()`).
 *
 * The editor also keeps the picked directory in IndexedDB (`WebFileSystemStore`, via
 * idb-keyval) and reads it back before listing files, which a real handle survives because it
 * is structured-cloneable. These handles keep their state outside the object (a WeakMap) so
 * the clone succeeds with just `kind`, `name` and an id, and reading `IDBRequest.result` swaps
 * the clone back for the live handle.
 */
function installTemplateDirectory(input: {
  name: string;
  files: Array<{ path: string; content: string }>;
}) {
  type FileNode = {
    kind: 'file';
    name: string;
    content: string;
    lastModified: number;
  };
  type DirectoryNode = {
    kind: 'directory';
    name: string;
    children: Map<string, FileNode | DirectoryNode>;
  };
  type Node = FileNode | DirectoryNode;

  const notFound = (name: string) =>
    new DOMException(`${name} was not found`, 'NotFoundError');
  const typeMismatch = (name: string) =>
    new DOMException(
      `${name} is not of the requested kind`,
      'TypeMismatchError',
    );

  const nodes = new WeakMap<object, Node>();
  let nextId = 0;
  const ID = '__waybillHandleId';
  const live = new Map<string, object>();

  class StubHandle {
    /** Survives the structured clone into IndexedDB; `revive` maps it back to this handle. */
    readonly __waybillHandleId = String(nextId++);
    constructor(readonly kind: 'file' | 'directory', readonly name: string) {
      live.set(this.__waybillHandleId, this);
    }
    async queryPermission() {
      return 'granted' as const;
    }
    async requestPermission() {
      return 'granted' as const;
    }
    async isSameEntry(other: object) {
      return nodes.get(this) === nodes.get(other);
    }
  }

  class StubFileHandle extends StubHandle {
    constructor(name: string) {
      super('file', name);
    }
    async getFile() {
      const node = nodes.get(this) as FileNode;
      return new File([node.content], node.name, {
        lastModified: node.lastModified,
      });
    }
    async createWritable(options?: { keepExistingData?: boolean }) {
      const node = nodes.get(this) as FileNode;
      const parts: BlobPart[] = options?.keepExistingData ? [node.content] : [];
      let closed = false;
      return {
        async write(data: unknown) {
          if (closed) throw new TypeError('the stream is closed');
          const chunk =
            data && typeof data === 'object' && 'type' in data
              ? (data as unknown as { data: BlobPart }).data
              : (data as BlobPart);
          parts.push(chunk);
        },
        async truncate(size: number) {
          const text = await new Blob(parts).text();
          parts.length = 0;
          parts.push(text.slice(0, size));
        },
        async close() {
          closed = true;
          node.content = await new Blob(parts).text();
          node.lastModified = Date.now();
        },
        async abort() {
          closed = true;
        },
      };
    }
  }

  class StubDirectoryHandle extends StubHandle {
    constructor(name: string) {
      super('directory', name);
    }
    async *entries(): AsyncGenerator<[string, object]> {
      const node = nodes.get(this) as DirectoryNode;
      // Files first, then directories, each by name, so template.yaml is the first YAML file.
      const rank = (n: Node) => (n.kind === 'file' ? 0 : 1);
      const children = [...node.children.values()].sort(
        (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name),
      );
      for (const child of children) yield [child.name, handleFor(child)];
    }
    async *values() {
      for await (const [, handle] of this.entries()) yield handle;
    }
    async *keys() {
      for await (const [name] of this.entries()) yield name;
    }
    [Symbol.asyncIterator]() {
      return this.entries();
    }
    async getFileHandle(name: string, options?: { create?: boolean }) {
      const node = nodes.get(this) as DirectoryNode;
      let child = node.children.get(name);
      if (!child) {
        if (!options?.create) throw notFound(name);
        child = { kind: 'file', name, content: '', lastModified: Date.now() };
        node.children.set(name, child);
      }
      if (child.kind !== 'file') throw typeMismatch(name);
      return handleFor(child);
    }
    async getDirectoryHandle(name: string, options?: { create?: boolean }) {
      const node = nodes.get(this) as DirectoryNode;
      let child = node.children.get(name);
      if (!child) {
        if (!options?.create) throw notFound(name);
        child = { kind: 'directory', name, children: new Map() };
        node.children.set(name, child);
      }
      if (child.kind !== 'directory') throw typeMismatch(name);
      return handleFor(child);
    }
    async removeEntry(name: string) {
      const node = nodes.get(this) as DirectoryNode;
      if (!node.children.delete(name)) throw notFound(name);
    }
  }

  function handleFor(node: Node): object {
    const handle =
      node.kind === 'file'
        ? new StubFileHandle(node.name)
        : new StubDirectoryHandle(node.name);
    nodes.set(handle, node);
    return handle;
  }

  const root: DirectoryNode = {
    kind: 'directory',
    name: input.name,
    children: new Map(),
  };
  for (const file of input.files) {
    const parts = file.path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.children.get(part);
      if (!next) {
        next = { kind: 'directory', name: part, children: new Map() };
        dir.children.set(part, next);
      }
      dir = next as DirectoryNode;
    }
    const name = parts[parts.length - 1];
    dir.children.set(name, {
      kind: 'file',
      name,
      content: file.content,
      lastModified: Date.now(),
    });
  }

  const revive = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const id = (value as Record<string, unknown>)[ID];
    if (typeof id === 'string' && live.has(id)) return live.get(id);
    const handle = (value as { handle?: Record<string, unknown> }).handle;
    if (handle && typeof handle[ID] === 'string' && live.has(handle[ID])) {
      return { ...value, handle: live.get(handle[ID]) };
    }
    return value;
  };
  const result = Object.getOwnPropertyDescriptor(
    IDBRequest.prototype,
    'result',
  )!;
  Object.defineProperty(IDBRequest.prototype, 'result', {
    ...result,
    get(this: IDBRequest) {
      return revive(result.get!.call(this));
    },
  });

  const w = window as unknown as Record<string, unknown>;
  w.showDirectoryPicker = async () => handleFor(root);
  w.waybillTemplateDirectory = {
    read: (filePath: string) => {
      let node: Node | undefined = root;
      for (const part of filePath.split('/')) {
        node = node?.kind === 'directory' ? node.children.get(part) : undefined;
      }
      return node?.kind === 'file' ? node.content : undefined;
    },
  };
}

// The template editor fits its files, form and dry-run results into one screen.
test.use({ viewport: { width: 1600, height: 1100 } });

// Before each test, not once: the backend restarts when someone edits its sources during the
// run, and a guest cannot sign in until it is back.
test.beforeEach(({ request }) => waitForBackend(request));

// The dev server reloads the page whenever a source file changes (live reload over its /ws
// socket), which would throw away the editor's state if someone edits the repository during
// the run. The page's socket is answered here instead and never told to reload.
test.beforeEach(async ({ page }) => {
  await page.routeWebSocket(
    url => url.port === '3000' && url.pathname === '/ws',
    () => {},
  );
});

test('the three golden-pipeline templates are offered at /create', async ({
  page,
}) => {
  await openCreate(page);
  for (const title of TEMPLATE_TITLES) {
    await expect(
      page.getByRole('heading', { level: 4, name: title, exact: true }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'test-results/screenshots/create.png',
    fullPage: true,
  });
});

type DryRun = {
  /** The dry run's files by path, as the backend returned them. */
  files: Map<string, string>;
  /** The dry-run results panel's file tree: an entry by its name. */
  entry: (name: string) => Locator;
  /** The open file's text in the results panel. */
  content: Locator;
};

/**
 * What every template goes through: its form opens from the template list, and the same
 * template directory, loaded in the template editor, is filled in by `fill` through the form's
 * widgets, reviewed and dry-run. Checks the review and that every step ran, opens
 * catalog-info.yaml in the results, checks `catalogInfo` lines in it and saves
 * test-results/screenshots/create-<template>.png.
 */
async function dryRunTemplate(
  page: Page,
  template: {
    /** Directory under templates/ and template name. */
    name: string;
    title: string;
    /** What the run chose, for the report. */
    choices: string;
    fill: (page: Page) => Promise<void>;
    /** Rows of the review table (field title, then value). */
    review: string[];
    /** Lines of the generated catalog-info.yaml shown in the results panel. */
    catalogInfo: string[];
  },
): Promise<DryRun> {
  await page.addInitScript(installTemplateDirectory, {
    name: template.name,
    files: readDirectory(path.join(repoRoot, 'templates', template.name)),
  });
  await openCreate(page);

  // Pick the template from the list: its form opens.
  await chooseTemplate(page, template.name, template.title);

  // The same template directory in the editor, which dry-runs it and shows the files.
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Create', exact: true }).click();
  await page.getByRole('tab', { name: 'Template Editor' }).click();
  await expect(page).toHaveURL(/\/create\/edit$/);
  await page.getByText('Load Template Directory').click();
  await expect(page).toHaveURL(/\/create\/edit\/template$/);
  const templateFile = page.getByRole('treeitem', { name: 'template.yaml' });
  await templateFile.click();
  await expect(templateFile).toHaveAttribute('aria-selected', 'true');

  await template.fill(page);
  await page.getByRole('button', { name: 'Review' }).click();

  // Review, then the dry run (the editor's "Create").
  const review = page.getByRole('table');
  for (const row of template.review) {
    await expect(review.getByRole('row', { name: row })).toBeVisible();
  }
  const dryRunResponse = page.waitForResponse(
    r =>
      r.url().endsWith('/api/scaffolder/v2/dry-run') &&
      r.request().method() === 'POST',
  );
  const started = Date.now();
  await page.getByRole('button', { name: 'Create' }).click();
  const response = await dryRunResponse;
  const elapsed = Date.now() - started;
  expect(response.status()).toBe(200);
  const result = (await response.json()) as {
    directoryContents: Array<{ path: string; base64Content: string }>;
    log: Array<{ body: { status?: string; message?: string } }>;
  };
  // eslint-disable-next-line no-console
  console.log(`${template.name} dry run from the browser: ${elapsed} ms`);
  test.info().annotations.push({
    type: 'dry-run',
    description: `${template.name} (${template.choices}): ${elapsed} ms`,
  });
  expect(
    result.log.filter(l => l.body.status === 'failed').map(l => l.body),
  ).toEqual([]);
  const files = new Map(
    result.directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );

  // The dry-run results panel lists the files.
  await expect(
    page.getByRole('button', { name: 'Dry-run results' }),
  ).toHaveAttribute('aria-expanded', 'true');
  const results = page
    .getByRole('region')
    .filter({ has: page.getByRole('tab', { name: 'Files' }) });
  await expect(results.getByRole('button', { name: 'Result 1' })).toBeVisible();
  const tree = results.getByRole('tree');
  const entry = (name: string) => tree.getByText(name, { exact: true });
  const content = results.locator('.cm-content');

  // catalog-info.yaml carries the catalog conventions written by waybill:catalog:annotate.
  await entry('catalog-info.yaml').click();
  for (const line of template.catalogInfo) {
    await expect(content).toContainText(line);
  }
  await page.screenshot({
    path: `test-results/screenshots/create-${template.name}.png`,
    fullPage: true,
  });
  return { files, entry, content };
}

/** The generated catalog-info.yaml's `spec.<key>` list (block style, as the annotate action writes it). */
function specList(catalogInfo: string, key: string): string[] {
  const block = new RegExp(`^  ${key}:\\n((?:    - .*\\n?)+)`, 'm').exec(
    catalogInfo,
  );
  return block
    ? block[1]
        .trimEnd()
        .split('\n')
        .map(line => line.replace(/^ {4}- /, ''))
    : [];
}

test('the API service template is filled in through its widgets, dry-runs in the template editor and shows its files', async ({
  page,
}) => {
  const { files, entry, content } = await dryRunTemplate(page, {
    name: 'api-service',
    title: 'TypeScript API service',
    choices:
      'critical, aws+gcp, canary, GitHub Actions, consumes sales-orders-api',
    fill: async form => {
      await fillServicePage(form, {
        name: 'shipment-quotes',
        description: 'Quotes shipping rates for sales orders (all carriers).',
        owner: { search: 'Order', option: /Order Management/ },
        tier: 'critical',
        businessProcesses: ['Order to Cash', 'Inventory Allocation'],
      });

      // Delivery
      await expect(form.getByRole('checkbox', { name: 'AWS' })).toBeChecked();
      await chooseClouds(form, ['AWS', 'Google Cloud']);
      await fillRepoUrl(form, { owner: 'meridian', name: 'shipment-quotes' });
      await selectOption(form, 'In-cluster deploy strategy', 'canary');
      await pickEntity(
        textbox(form, 'Depends on'),
        'Sales',
        /Sales Order Management/,
      );
      await form.keyboard.press('Escape');
      // One consumed API: a new item of the array, its API picked in the item's EntityPicker.
      await form.getByRole('button', { name: 'Add Item' }).click();
      await pickEntity(
        textbox(form, 'API'),
        'Sales Orders',
        /Sales Orders API/,
      );
      await textbox(form, 'Supported versions').fill('>=2.0.0 <3.0.0');
    },
    review: [
      'Owner group:default/order-management',
      'Clouds aws gcp',
      'Repository github.com?owner=meridian&repo=shipment-quotes',
      // The review lists an array's items by their keys, not their titles.
      'APIs consumed api: api:default/sales-orders-api range: >=2.0.0 <3.0.0',
    ],
    catalogInfo: [
      'name: shipment-quotes',
      'github.com/project-slug: meridian/shipment-quotes',
      'waybill.dev/tier: critical',
      'waybill.dev/business-processes: order-to-cash, inventory-allocation',
      // Tenant rollouts plans this service's waves from the generated strategy file.
      'waybill.dev/rollout-strategy: ./waybill/rollout-strategy.yaml',
      'waybill.dev/api-requirements: sales-orders-api >=2.0.0 <3.0.0',
      'owner: group:default/order-management',
      '- component:default/sales',
      '- sales-orders-api',
    ],
  });
  await page.screenshot({
    path: 'test-results/screenshots/create-dry-run.png',
    fullPage: true,
  });

  const generated = [...files.keys()];
  expect(generated).toEqual(
    expect.arrayContaining([
      'catalog-info.yaml',
      '.github/workflows/golden-pipeline.yml',
      'Dockerfile',
      'README.md',
      'deploy/kubernetes/base/kustomization.yaml',
      'deploy/kubernetes/base/deployment.yaml',
      'deploy/kubernetes/base/deployment-canary.yaml',
      'deploy/kubernetes/base/service.yaml',
      'deploy/kubernetes/overlays/staging/kustomization.yaml',
      'deploy/kubernetes/overlays/production/kustomization.yaml',
      'infra/aws/main.tf',
      'infra/gcp/main.tf',
      'waybill/rollout-strategy.yaml',
      'scripts/golden-pipeline.sh',
    ]),
  );
  // Terraform only for the chosen clouds, and no blue-green deployment for a canary service.
  expect(generated.filter(p => p.startsWith('infra/')).sort()).toEqual([
    'infra/aws/main.tf',
    'infra/gcp/main.tf',
  ]);
  expect(generated).not.toContain(
    'deploy/kubernetes/base/deployment-blue-green.yaml',
  );
  const catalogInfo = files.get('catalog-info.yaml')!;
  expect(specList(catalogInfo, 'consumesApis')).toEqual(['sales-orders-api']);
  expect(specList(catalogInfo, 'dependsOn')).toEqual([
    'component:default/sales',
  ]);

  // The results panel lists the files.
  for (const name of [
    'catalog-info.yaml',
    'Dockerfile',
    'README.md',
    '.github',
    'deploy',
    'infra',
    'waybill',
  ]) {
    await expect(entry(name)).toBeVisible();
  }
  for (const folder of [
    '.github',
    'workflows',
    'deploy',
    'kubernetes',
    'base',
  ]) {
    await entry(folder).click();
  }
  await entry('waybill').click();
  await entry('infra').click();
  for (const name of [
    'golden-pipeline.yml',
    'deployment.yaml',
    'deployment-canary.yaml',
    'service.yaml',
    'rollout-strategy.yaml',
    'aws',
    'gcp',
  ]) {
    await expect(entry(name)).toBeVisible();
  }
  await expect(entry('azure')).toHaveCount(0);

  // The pipeline opens too (the editor renders only the lines in view, so check its head).
  await entry('golden-pipeline.yml').click();
  await expect(content).toContainText(
    'Generated by waybill:pipeline:generate for shipment-quotes (tier critical)',
  );
  // Quoted either way: the YAML writer's choice.
  await expect(content).toContainText(
    /name: (["'])Golden pipeline: shipment-quotes\1/,
  );
  await expect(content).toContainText('permissions: {}');
});

test('the ERP integration worker template is filled in through its widgets and dry-runs with its contract test', async ({
  page,
}) => {
  const { files, entry } = await dryRunTemplate(page, {
    name: 'erp-integration-worker',
    title: 'ERP integration worker',
    choices:
      'standard, purchase-orders-api ^2.0.0, queue purchase-orders.confirmed, dedicated, GitHub Actions',
    fill: async form => {
      await fillServicePage(form, {
        name: 'po-confirmation-sync',
        description:
          'Books confirmed purchase orders into the warehouse plan (per tenant).',
        owner: { search: 'Procure', option: /Procurement Systems/ },
        system: { search: 'ERP', option: /ERP Core/ },
        tier: 'standard',
        businessProcesses: ['Procure to Pay', 'Inventory Allocation'],
      });

      // ERP integration: the module's API and the module, each from its picker.
      await pickEntity(
        textbox(form, 'ERP module API'),
        'Purchase',
        /Purchase Orders API/,
      );
      await textbox(form, 'Supported API versions').fill('^2.0.0');
      // The module picker offers ERP modules only (Components of type erp-module): the
      // Inventory module, not the Inventory Sync integration.
      const modulePicker = textbox(form, 'ERP module');
      await modulePicker.click();
      await modulePicker.fill('Inventory');
      await expect(form.getByRole('option', { name: /Inventory/ })).toHaveCount(
        1,
      );
      await expect(
        form.getByRole('option', { name: /Inventory Sync/ }),
      ).toHaveCount(0);
      await modulePicker.fill('Purch');
      await form.getByRole('option', { name: /Purchasing/ }).click();
      await textbox(form, 'Queue').fill('purchase-orders.confirmed');
      await form.getByRole('button', { name: 'Next' }).click();

      // Delivery
      await fillRepoUrl(form, {
        owner: 'meridian',
        name: 'po-confirmation-sync',
      });
      await selectOption(form, 'Tenancy', 'dedicated');
      await pickEntity(
        textbox(form, 'Depends on'),
        'Purchasing Data',
        /Purchasing Database/,
      );
      await form.keyboard.press('Escape');
    },
    review: [
      'Business processes domain:default/procure-to-pay domain:default/inventory-allocation',
      'ERP module API api:default/purchase-orders-api',
      'Supported API versions ^2.0.0',
      'ERP module component:default/purchase',
      'Queue purchase-orders.confirmed',
      'Tenancy dedicated',
    ],
    catalogInfo: [
      'name: po-confirmation-sync',
      'waybill.dev/tier: standard',
      'waybill.dev/business-processes: procure-to-pay, inventory-allocation',
      'waybill.dev/rollout-strategy: ./waybill/rollout-strategy.yaml',
      'waybill.dev/api-requirements: purchase-orders-api ^2.0.0',
      'owner: group:default/procurement-systems',
      '- purchase-orders-api',
      '- component:default/purchase',
    ],
  });

  const generated = [...files.keys()];
  expect(generated).toEqual(
    expect.arrayContaining([
      'catalog-info.yaml',
      '.github/workflows/golden-pipeline.yml',
      'scripts/golden-pipeline.sh',
      'waybill/rollout-strategy.yaml',
      // The contract test's declaration of what the worker calls on the picked API.
      'test/contract/purchase-orders-api.json',
    ]),
  );
  const contract = JSON.parse(
    files.get('test/contract/purchase-orders-api.json')!,
  ) as { operations: Array<{ method: string; path: string }> };
  expect(contract.operations).toEqual([
    { method: 'post', path: '/tenants/{tenantId}/purchase-orders.confirmed' },
  ]);
  const catalogInfo = files.get('catalog-info.yaml')!;
  expect(catalogInfo).toContain(
    'waybill.dev/rollout-strategy: ./waybill/rollout-strategy.yaml',
  );
  expect(specList(catalogInfo, 'consumesApis')).toEqual([
    'purchase-orders-api',
  ]);
  expect(specList(catalogInfo, 'dependsOn')).toEqual([
    'resource:default/purchase-db',
    'component:default/purchase',
  ]);
  expect(catalogInfo).toMatch(/^ {2}system: system:default\/erp-core$/m);

  for (const folder of ['test', 'contract']) await entry(folder).click();
  await expect(entry('purchase-orders-api.json')).toBeVisible();
});

test('the customer web app template is filled in through its widgets and dry-runs with a GitLab CI pipeline', async ({
  page,
}) => {
  const { files, entry, content } = await dryRunTemplate(page, {
    name: 'customer-web-app',
    title: 'Customer-facing web app',
    choices: 'internal, azure+gcp, GitLab CI',
    fill: async form => {
      await fillServicePage(form, {
        name: 'order-returns-web',
        description: 'Lets customers start and follow the return of an order.',
        owner: { search: 'Digital', option: /Digital Channels/ },
        system: { search: 'Customer', option: /Customer Channels/ },
        tier: 'internal',
        businessProcesses: ['Order to Cash'],
      });

      // Delivery
      await chooseClouds(form, ['Azure', 'Google Cloud']);
      await selectOption(form, 'CI provider', 'GitLab CI');
      await fillRepoUrl(form, {
        host: 'gitlab.com',
        owner: 'meridian/web',
        name: 'order-returns-web',
      });
    },
    review: [
      'Clouds azure gcp',
      'CI provider GitLab CI',
      'Repository gitlab.com?owner=meridian',
    ],
    catalogInfo: [
      'name: order-returns-web',
      'gitlab.com/project-slug: meridian/web/order-returns-web',
      'waybill.dev/tier: internal',
      'waybill.dev/rollout-strategy: ./waybill/rollout-strategy.yaml',
      'owner: group:default/digital-channels',
    ],
  });

  const generated = [...files.keys()];
  expect(generated).toEqual(
    expect.arrayContaining([
      'catalog-info.yaml',
      '.gitlab-ci.yml',
      'scripts/golden-pipeline.sh',
      'waybill/rollout-strategy.yaml',
      'infra/azure/main.tf',
      'infra/gcp/main.tf',
    ]),
  );
  expect(generated.filter(p => p.startsWith('.github/'))).toEqual([]);
  expect(generated.filter(p => p.startsWith('infra/')).sort()).toEqual([
    'infra/azure/main.tf',
    'infra/gcp/main.tf',
  ]);

  for (const name of ['.gitlab-ci.yml', 'scripts']) {
    await expect(entry(name)).toBeVisible();
  }
  await expect(entry('.github')).toHaveCount(0);
  await entry('scripts').click();
  await expect(entry('golden-pipeline.sh')).toBeVisible();
  await entry('.gitlab-ci.yml').click();
  await expect(content).toContainText(
    'Generated by waybill:pipeline:generate for order-returns-web (tier internal)',
  );
});
