import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generateApi } from './generate';

/** The APIs generated from their specs: the backend owning the spec, and the names it generates. */
const APIS = [
  { plugin: 'tenant-rollouts', prefix: 'TenantRollouts' },
  { plugin: 'dependency-map', prefix: 'DependencyMap' },
  { plugin: 'scorecards', prefix: 'Scorecards' },
] as const;

/** The repository's root: the nearest directory up from here holding `backstage.json`. */
function repoRoot(from: string): string {
  if (existsSync(join(from, 'backstage.json'))) return from;
  const parent = dirname(from);
  if (parent === from) throw new Error('Not inside the Waybill repository');
  return repoRoot(parent);
}

const ROOT = repoRoot(process.cwd());
const GENERATED = 'src/schema/openapi.generated.ts';

/**
 * `yarn openapi:generate` writes every API's generated files from its spec; with `--check` it
 * writes nothing and fails, naming the stale files, when a spec changed without regenerating.
 */
async function main(check: boolean) {
  const stale: string[] = [];
  for (const api of APIS) {
    const spec = join(
      ROOT,
      `plugins/${api.plugin}-backend/src/schema/openapi.yaml`,
    );
    const files = {
      spec,
      common: join(ROOT, `plugins/${api.plugin}-common`, GENERATED),
      backend: join(ROOT, `plugins/${api.plugin}-backend`, GENERATED),
    };
    const generated = await generateApi(
      await readFile(spec, 'utf8'),
      {
        pluginId: api.plugin,
        prefix: api.prefix,
        commonPackage: `@waybill/plugin-${api.plugin}-common`,
      },
      {
        spec: relative(ROOT, spec),
        common: files.common,
        backend: files.backend,
      },
    );
    for (const [file, text] of [
      [files.common, generated.common],
      [files.backend, generated.backend],
    ] as const) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current === text) continue;
      if (check) stale.push(relative(ROOT, file));
      else {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, text);
      }
    }
  }
  if (stale.length) {
    throw new Error(
      `Generated from an older spec: ${stale.join(
        ', ',
      )}. Run \`yarn openapi:generate\`.`,
    );
  }
}

main(process.argv.includes('--check')).catch(error => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
