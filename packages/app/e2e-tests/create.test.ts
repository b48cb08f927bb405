// The test runs in Node (Playwright), not in the app's bundle: it reads the template from disk.
// eslint-disable-next-line no-restricted-imports
import fs from 'fs';
// eslint-disable-next-line no-restricted-imports
import path from 'path';
import { expect, Page, test } from '@playwright/test';
import { waitForBackend } from './portal';

/**
 * The golden-pipeline templates in the browser: the three templates at /create, and the API
 * service template dry-run in the template editor (/create/edit) with its generated files.
 *
 * The editor loads a template directory through the File System Access API
 * (`window.showDirectoryPicker`), which needs a person to pick a folder. The test reads
 * templates/api-service from disk and gives the page a `showDirectoryPicker` that returns an
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

test.beforeAll(({ request }) => waitForBackend(request));

// The dev server reloads the page whenever a source file changes (live reload over its /ws
// socket), which would throw away the editor's state if someone edits the repository during
// the run. The page's socket is answered here instead and never told to reload.
test.beforeEach(async ({ page }) => {
  await page.routeWebSocket(
    url => url.port === '3000' && url.pathname === '/ws',
    () => {},
  );
});

/** Signs in as the guest and opens /create from the sidebar. */
async function openCreate(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/create\/templates/);
}

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

test('the API service template dry-runs in the template editor and shows its files', async ({
  page,
}) => {
  await page.addInitScript(installTemplateDirectory, {
    name: 'api-service',
    files: readDirectory(path.join(repoRoot, 'templates/api-service')),
  });
  await openCreate(page);

  // Pick the template from the list: its form opens.
  await page
    .locator('.MuiCard-root')
    .filter({
      has: page.getByRole('heading', { name: 'TypeScript API service' }),
    })
    .getByRole('button', { name: 'Choose' })
    .click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/api-service/);
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();

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

  // Service
  await page.getByRole('textbox', { name: 'Name' }).fill('shipment-quotes');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Quotes shipping rates for sales orders (all carriers).');
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill('Order');
  await page.getByRole('option', { name: /Order Management/ }).click();
  await page.getByRole('button', { name: /^Criticality tier/ }).click();
  await page.getByRole('option', { name: 'critical' }).click();
  await page.getByRole('checkbox', { name: 'inventory-allocation' }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  // Delivery
  await expect(page.getByRole('checkbox', { name: 'AWS' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Google Cloud' }).check();
  await page
    .getByRole('button', { name: /^In-cluster deploy strategy/ })
    .click();
  await page.getByRole('option', { name: 'canary' }).click();
  const dependsOn = page.getByRole('textbox', { name: 'Depends on' });
  await dependsOn.click();
  await dependsOn.fill('Sales');
  await page.getByRole('option', { name: /Sales Order Management/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Review' }).click();

  // Review, then the dry run (the editor's "Create").
  const review = page.getByRole('table');
  await expect(
    review.getByRole('row', { name: 'Owner group:default/order-management' }),
  ).toBeVisible();
  await expect(
    review.getByRole('row', { name: 'Clouds aws gcp' }),
  ).toBeVisible();
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
    directoryContents: Array<{ path: string }>;
    log: Array<{ body: { status?: string } }>;
  };
  // eslint-disable-next-line no-console
  console.log(`api-service dry run from the browser: ${elapsed} ms`);
  test.info().annotations.push({
    type: 'dry-run',
    description: `api-service (critical, aws+gcp, canary, GitHub Actions): ${elapsed} ms`,
  });
  expect(result.log.map(l => l.body.status)).not.toContain('failed');
  const generated = result.directoryContents.map(f => f.path);
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

  // The dry-run results panel lists the files.
  await expect(
    page.getByRole('button', { name: 'Dry-run results' }),
  ).toHaveAttribute('aria-expanded', 'true');
  const results = page
    .getByRole('region')
    .filter({ has: page.getByRole('tab', { name: 'Files' }) });
  await expect(results.getByRole('button', { name: 'Result 1' })).toBeVisible();
  const files = results.getByRole('tree');
  const entry = (name: string) => files.getByText(name, { exact: true });
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

  // catalog-info.yaml carries the catalog conventions written by waybill:catalog:annotate.
  await entry('catalog-info.yaml').click();
  const content = results.locator('.cm-content');
  for (const line of [
    'name: shipment-quotes',
    'waybill.dev/tier: critical',
    'waybill.dev/business-processes: order-to-cash, inventory-allocation',
    // Tenant rollouts plans this service's waves from the generated strategy file.
    'waybill.dev/rollout-strategy: ./waybill/rollout-strategy.yaml',
    'owner: group:default/order-management',
    '- component:default/sales',
  ]) {
    await expect(content).toContainText(line);
  }
  await page.screenshot({
    path: 'test-results/screenshots/create-dry-run.png',
    fullPage: true,
  });

  // The pipeline opens too (the editor renders only the lines in view, so check its head).
  await entry('golden-pipeline.yml').click();
  await expect(content).toContainText(
    'Generated by waybill:pipeline:generate for shipment-quotes (tier critical)',
  );
  await expect(content).toContainText(
    'name: "Golden pipeline: shipment-quotes"',
  );
  await expect(content).toContainText('permissions: {}');
});
