/*
 * `npm` on the runners' PATH: the machine's real npm, with a cache for `npm ci` only (the jobs
 * of a pipeline install the same lockfile again and again). `npm ci` runs for real the first
 * time for a given package.json dependency set, lockfile and arguments, and its node_modules is
 * kept; later `npm ci` with the same inputs get a fresh copy of it (npm ci removes node_modules
 * first, so the result is the same tree). A failing `npm ci` is not cached. Every other npm
 * command is the real npm.
 *   exec node npmCiCache.cjs <cache directory> <real npm> "$@"
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const [, , cacheDir, realNpm, ...args] = process.argv;

function real() {
  const result = spawnSync(realNpm, args, { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (args[0] !== 'ci' || !fs.existsSync('package-lock.json')) real();

/** `cp -a`: six times faster than fs.cpSync on a node_modules tree. */
function copy(from, to) {
  const result = spawnSync('cp', ['-a', from, to], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const pkg = readJson('package.json');
const lock = readJson('package-lock.json');
const { '': _root, ...packages } = lock.packages ?? {};
const key = crypto
  .createHash('sha256')
  .update(
    JSON.stringify({
      args: args.slice(1),
      node: process.versions.node.split('.')[0],
      dependencies: pkg.dependencies ?? {},
      devDependencies: pkg.devDependencies ?? {},
      optionalDependencies: pkg.optionalDependencies ?? {},
      peerDependencies: pkg.peerDependencies ?? {},
      overrides: pkg.overrides ?? {},
      lockfileVersion: lock.lockfileVersion,
      rootDependencies: {
        dependencies: _root?.dependencies ?? {},
        devDependencies: _root?.devDependencies ?? {},
      },
      packages,
    }),
  )
  .digest('hex')
  .slice(0, 24);
const cached = path.join(cacheDir, key);

if (fs.existsSync(path.join(cached, '.complete'))) {
  fs.rmSync('node_modules', { recursive: true, force: true });
  copy(path.join(cached, 'node_modules'), 'node_modules');
  process.stdout.write(
    `added ${
      Object.keys(packages).length
    } packages (golden-path npm ci cache ${key})\n`,
  );
  process.exit(0);
}

const result = spawnSync(realNpm, args, { stdio: 'inherit' });
if (result.status === 0 && fs.existsSync('node_modules')) {
  const staging = `${cached}.${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  copy('node_modules', path.join(staging, 'node_modules'));
  fs.writeFileSync(path.join(staging, '.complete'), '');
  try {
    fs.renameSync(staging, cached);
  } catch {
    // another job cached the same install first
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
process.exit(result.status ?? 1);
