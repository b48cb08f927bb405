import fs from 'node:fs';
import path from 'node:path';
import { parsePipelineModel } from '../pipeline/model';
import { repositoryDirectory, repositoryFiles } from './repositoryFiles';

const model = parsePipelineModel({
  name: 'pricing-quotes-api',
  serviceKind: 'api-service',
  tier: 'critical',
  clouds: ['aws'],
});

function byPath() {
  return new Map(repositoryFiles(model).map(f => [f.path, f.content]));
}

describe('repositoryFiles', () => {
  it('finds repository/ through the package path', () => {
    expect(repositoryDirectory()).toBe(
      path.resolve(__dirname, '../../repository'),
    );
  });

  it('returns every tooling file once, with repository-relative paths', () => {
    const files = repositoryFiles(model);
    const paths = files.map(f => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        '.gitignore',
        '.nvmrc',
        '.prettierignore',
        '.prettierrc.json',
        'eslint.config.mjs',
        'package-lock.json',
        'package.json',
        'scripts/eslint-sarif.mjs',
        'scripts/rollback-drill.mjs',
        'scripts/validate-repository.mjs',
        'test/business/run.mjs',
        'test/contract/run.mjs',
        'test/smoke/run.mjs',
        'tsconfig.build.json',
        'tsconfig.json',
      ]),
    );
    for (const p of paths) {
      expect(p).not.toMatch(/^\/|\\|^\.\.|(^|\/)node_modules\//);
    }
    // Stored as gitignore (packing drops .gitignore) and nvmrc (the monorepo ignores .nvmrc).
    expect(paths).not.toContain('gitignore');
    expect(paths).not.toContain('nvmrc');
    expect(byPath().get('.gitignore')).toContain('node_modules/');
    expect(byPath().get('.nvmrc')).toBe('22\n');
  });

  it('names the package and its lockfile after the service', () => {
    const files = byPath();
    const pkg = JSON.parse(files.get('package.json')!);
    const lock = JSON.parse(files.get('package-lock.json')!);
    expect(pkg.name).toBe('pricing-quotes-api');
    expect(lock.name).toBe('pricing-quotes-api');
    expect(lock.packages[''].name).toBe('pricing-quotes-api');
    // Formatted as npm and Prettier write them.
    expect(files.get('package.json')).toBe(`${JSON.stringify(pkg, null, 2)}\n`);
    // Everything else as stored.
    const stored = JSON.parse(
      fs.readFileSync(path.join(repositoryDirectory(), 'package.json'), 'utf8'),
    );
    expect({ ...pkg, name: stored.name }).toEqual(stored);
  });

  it('has a lockfile npm generated from this package.json, dev dependencies only', () => {
    const files = byPath();
    const pkg = JSON.parse(files.get('package.json')!);
    const lock = JSON.parse(files.get('package-lock.json')!);
    expect(pkg.type).toBe('module');
    expect(pkg.private).toBe(true);
    expect(pkg.dependencies).toBeUndefined();
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
    expect(lock.packages[''].dependencies).toBeUndefined();
    const installed = Object.entries<{ dev?: boolean; resolved?: string }>(
      lock.packages,
    ).filter(([key]) => key !== '');
    expect(installed.length).toBeGreaterThan(0);
    expect(installed.filter(([, p]) => !p.dev).map(([key]) => key)).toEqual([]);
    // The machine's npmrc omits resolved URLs, so any registry (mirror) serves the install.
    expect(installed.filter(([, p]) => p.resolved).map(([key]) => key)).toEqual(
      [],
    );
    for (const script of [
      'lint',
      'lint:sarif',
      'sbom',
      'format:check',
      'typecheck',
      'build',
      'test:unit',
      'test:integration',
      'test:contract',
      'test:smoke',
      'test:business',
      'rollback:drill',
    ]) {
      expect(pkg.scripts[script]).toBeTruthy();
    }
  });

  it("writes the conventions and the service's business processes into the validator", () => {
    const validator = (processes: string[]) =>
      repositoryFiles(
        parsePipelineModel({ ...model, businessProcesses: processes }),
      ).find(f => f.path === 'scripts/validate-repository.mjs')!.content;
    const written = validator([
      'procure-to-pay',
      'domain:logistics/yard-management',
    ]);
    // As Prettier formats it: the generated repository checks its format.
    expect(written).toContain(
      "const PROCESSES = [\n  'domain:default/procure-to-pay',\n  'domain:logistics/yard-management',\n];",
    );
    expect(written).toContain(
      "const PROCESSES_ANNOTATION = 'waybill.dev/business-processes';",
    );
    expect(written).toContain("const TIER_ANNOTATION = 'waybill.dev/tier';");
    expect(validator(['order-to-cash'])).toContain(
      "const PROCESSES = ['domain:default/order-to-cash'];",
    );
    expect(validator([])).toMatch(/^const PROCESSES = \[\];$/m);
  });

  it('reads repository/ once and hands out copies', () => {
    repositoryFiles(model);
    const read = jest.spyOn(fs, 'readFileSync');
    const readdir = jest.spyOn(fs, 'readdirSync');
    try {
      const first = repositoryFiles(model);
      first[0].content = 'changed';
      const other = repositoryFiles({ ...model, name: 'order-tracking-web' });
      expect(read).not.toHaveBeenCalled();
      expect(readdir).not.toHaveBeenCalled();
      expect(repositoryFiles(model)[0].content).not.toBe('changed');
      expect(
        JSON.parse(other.find(f => f.path === 'package.json')!.content).name,
      ).toBe('order-tracking-web');
    } finally {
      read.mockRestore();
      readdir.mockRestore();
    }
  });
});
