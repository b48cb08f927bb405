/*
 * `npm` on the runners' PATH: the machine's real npm, with a cache for `npm ci` only (the jobs
 * of a pipeline install the same lockfile again and again). `npm ci` runs for real the first
 * time for a given package.json dependency set, lockfile and arguments, and a copy of its
 * node_modules is kept; later `npm ci` with the same inputs get that tree again (npm ci removes
 * node_modules first, so the result is the same tree). A failing `npm ci` is not cached. Every
 * other npm command is the real npm.
 *
 * The tree is given as hard links to the kept files (new directories, the files shared): a copy
 * of every file for every job wrote gigabytes per test run, and deleting them afterwards took
 * minutes on a disk mounted with `discard`. A job that changed an installed file in place would
 * change it for every later job, so each reuse first checks the kept files against what the
 * install left (size, mode, modification time) and fails naming any file that changed.
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

/** `cp -al`: the tree's directories, its files as hard links; a copy across file systems. */
function link(from, to) {
  const result = spawnSync('cp', ['-al', from, to], { stdio: 'ignore' });
  if (result.status !== 0) {
    fs.rmSync(to, { recursive: true, force: true });
    copy(from, to);
  }
}

/** Every file below `dir`: relative path, size, mode and modification time. */
function manifest(dir) {
  const out = [];
  const walk = relative => {
    for (const entry of fs.readdirSync(path.join(dir, relative), {
      withFileTypes: true,
    })) {
      const file = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const stat = fs.statSync(path.join(dir, file));
        out.push([file, stat.size, stat.mode, stat.mtimeMs]);
      }
    }
  };
  walk('');
  return out;
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
  const kept = JSON.parse(
    fs.readFileSync(path.join(cached, '.complete'), 'utf8'),
  );
  const now = manifest(path.join(cached, 'node_modules'));
  const before = new Map(kept.map(([file, ...rest]) => [file, rest.join(' ')]));
  const changed = now
    .filter(([file, ...rest]) => before.get(file) !== rest.join(' '))
    .map(([file]) => file);
  if (changed.length > 0 || now.length !== kept.length) {
    process.stderr.write(
      `golden-path npm ci cache ${key}: an earlier job changed installed files in place (they are hard links shared by every job's node_modules): ${
        changed.slice(0, 10).join(', ') || 'files added or removed'
      }\n`,
    );
    process.exit(1);
  }
  fs.rmSync('node_modules', { recursive: true, force: true });
  link(path.join(cached, 'node_modules'), 'node_modules');
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
  fs.writeFileSync(
    path.join(staging, '.complete'),
    JSON.stringify(manifest(path.join(staging, 'node_modules'))),
  );
  try {
    fs.renameSync(staging, cached);
  } catch {
    // another job cached the same install first
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
process.exit(result.status ?? 1);
