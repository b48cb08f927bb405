import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from '../pipeline/generate';
import type { PipelineModel } from '../pipeline/model';
import { VALIDATOR_PATH, withConventions } from './validatorConventions';

/**
 * Files stored under another name in `repository/`: npm and Yarn never pack a `.gitignore` (and
 * Yarn reads one as the ignore list of its directory), and this monorepo's `.gitignore` ignores
 * `.nvmrc` files.
 */
const RENAMED: Readonly<Record<string, string>> = {
  gitignore: '.gitignore',
  nvmrc: '.nvmrc',
};

/** Directories a local `npm install` in `repository/` would leave; never copied. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'reports']);

let cache: readonly GeneratedFile[] | undefined;

/** The directory of the repository tooling: `repository/` of this package. */
export function repositoryDirectory(): string {
  return resolvePackagePath(
    '@waybill/plugin-scaffolder-backend-module-golden-pipelines',
    'repository',
  );
}

function readTree(root: string, dir = root): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) {
        files.push(...readTree(root, full));
      }
    } else if (entry.isFile()) {
      const relative = path.relative(root, full).split(path.sep).join('/');
      const content = fs.readFileSync(full, 'utf8');
      files.push({ path: RENAMED[relative] ?? relative, content });
    }
  }
  return files;
}

/** Rewrites the package name of package.json or package-lock.json (root and `packages[""]`). */
function withPackageName(file: GeneratedFile, name: string): GeneratedFile {
  const json = JSON.parse(file.content);
  json.name = name;
  if (file.path === 'package-lock.json' && json.packages?.['']) {
    json.packages[''].name = name;
  }
  return { path: file.path, content: `${JSON.stringify(json, null, 2)}\n` };
}

/**
 * The repository tooling every generated service gets, identical for every template: the
 * package manifest and lockfile (named after the service), Node version, TypeScript, ESLint and
 * Prettier configuration, and the scripts the golden pipeline calls (source validation, smoke,
 * contract and business-transaction checks, the rollback drill). The source validation script
 * gets the catalog conventions and the service's business processes written in (see
 * withConventions). Paths are repository-relative.
 */
export function repositoryFiles(model: PipelineModel): GeneratedFile[] {
  cache ??= readTree(repositoryDirectory());
  return cache.map(file => {
    if (file.path === 'package.json' || file.path === 'package-lock.json') {
      return withPackageName(file, model.name);
    }
    if (file.path === VALIDATOR_PATH) {
      return { path: file.path, content: withConventions(file.content, model) };
    }
    return { ...file };
  });
}
