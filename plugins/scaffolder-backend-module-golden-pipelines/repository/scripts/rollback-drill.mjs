// Rollback drill on staging, for the release's readiness evidence: rolls the deployment back to
// its previous revision, waits for it and checks its health, then rolls forward to the release
// again and checks once more. Writes Waybill's readiness JSON (scorecards' waybill-readiness
// format) whatever happens, and exits 1 when the drill failed.
//
//   SERVICE=<deployment> NAMESPACE=<namespace> \
//     npm run rollback:drill -- --base-url https://staging.example.com --report reports/readiness.json
//
// The release's signature and provenance are not reported here: the signing job uploads them as
// Sigstore bundles, which Waybill verifies itself.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { baseUrlOf, expectResponse, sendWhenReachable } from './lib/http.mjs';

/** The environment variable every service reads as its kill switch (see deploy/kubernetes). */
const KILL_SWITCH_ENV = 'KILL_SWITCH';
const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    report: { type: 'string', default: 'reports/readiness.json' },
    manifests: { type: 'string', default: 'deploy/kubernetes' },
    migrations: { type: 'string', default: 'migrations' },
    timeout: { type: 'string', default: '300s' },
    'health-wait-seconds': { type: 'string', default: '60' },
  },
});

const log = message => console.log(`[rollback drill] ${message}`);

/** Runs kubectl with arguments (never a shell); throws with its stderr. */
function kubectl(...kubectlArgs) {
  log(`kubectl ${kubectlArgs.join(' ')}`);
  try {
    return execFileSync('kubectl', kubectlArgs, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15 * 60 * 1000,
    });
  } catch (error) {
    const detail = (error.stderr || error.stdout || error.message || '')
      .toString()
      .trim();
    throw new Error(`kubectl ${kubectlArgs.join(' ')} failed: ${detail}`);
  }
}

/** Revision numbers of `kubectl rollout history`, ascending. */
function revisionsOf(history) {
  return history
    .split('\n')
    .map(line => /^\s*(\d+)\s/.exec(`${line} `)?.[1])
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
}

const walk = dir =>
  readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Whether every Deployment in the manifests gives its containers the kill-switch variable. */
function declaresKillSwitch(dir) {
  if (!existsSync(dir)) {
    log(`no manifests in ${dir}: kill switch not declared`);
    return false;
  }
  const deployments = walk(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .flatMap(f => parseAllDocuments(readFileSync(f, 'utf8')).map(d => d.toJS()))
    .filter(doc => doc?.kind === 'Deployment');
  const declared =
    deployments.length > 0 &&
    deployments.every(d =>
      (d.spec?.template?.spec?.containers ?? []).some(c =>
        (c.env ?? []).some(e => e?.name === KILL_SWITCH_ENV),
      ),
    );
  log(
    `kill switch ${KILL_SWITCH_ENV} ${
      declared ? 'is' : 'is not'
    } declared by every Deployment in ${dir} (${deployments.length} found)`,
  );
  return declared;
}

/** True when there is no migrations directory, or every migration has a way down. */
function migrationsReversible(dir) {
  if (!existsSync(dir)) {
    log(`no ${dir}/ directory: nothing to reverse`);
    return true;
  }
  const files = walk(dir);
  const irreversible = [];
  for (const file of files) {
    if (/\.down\.sql$/.test(file)) continue;
    if (/\.up\.sql$/.test(file)) {
      if (!existsSync(file.replace(/\.up\.sql$/, '.down.sql')))
        irreversible.push(file);
    } else if (/\.sql$/.test(file)) {
      irreversible.push(file);
    } else if (/\.(c|m)?(j|t)s$/.test(file)) {
      const source = readFileSync(file, 'utf8');
      if (
        !/export\s+(async\s+)?function\s+down\b|export\s+const\s+down\b|exports\.down\s*=/.test(
          source,
        )
      ) {
        irreversible.push(file);
      }
    }
  }
  if (irreversible.length) {
    log(`migrations without a down: ${irreversible.join(', ')}`);
  }
  return irreversible.length === 0;
}

const report = {
  previousVersionDeployable: false,
  migrationsReversible: migrationsReversible(args.migrations),
  lastRollbackDrill: null,
  killSwitch: declaresKillSwitch(args.manifests),
};

async function healthCheck(baseUrl, when) {
  const res = await sendWhenReachable(
    baseUrl,
    { path: '/healthz', headers: { 'x-waybill-synthetic': 'true' } },
    Number(args['health-wait-seconds']) * 1000,
  );
  try {
    expectResponse(res, { status: 200, json: { status: 'ok' } });
  } catch (error) {
    throw new Error(`${baseUrl}/healthz ${when}: ${error.message}`);
  }
  log(`${baseUrl}/healthz is ok ${when}`);
}

/** The drill itself; throws what went wrong, after recording what it found in the report. */
async function drill() {
  const baseUrl = baseUrlOf(args['base-url']);
  const service = process.env.SERVICE ?? '';
  const namespace = process.env.NAMESPACE ?? '';
  if (!NAME.test(service) || !NAME.test(namespace)) {
    throw new Error(
      'SERVICE and NAMESPACE must name the staging deployment and its namespace',
    );
  }
  const deployment = `deployment/${service}`;
  const ns = ['--namespace', namespace];
  const revisions = revisionsOf(
    kubectl(...ns, 'rollout', 'history', deployment),
  );
  if (revisions.length === 0) {
    throw new Error(`${deployment} has no revision in ${namespace}`);
  }
  if (revisions.length === 1) {
    // The service's first release: there is nothing earlier to return to, so going back means
    // taking it down, which always works; the drill waits for the next release.
    report.previousVersionDeployable = true;
    log(
      `${deployment} has one revision: the first release, nothing to roll back to; no drill`,
    );
    return;
  }
  const current = revisions[revisions.length - 1];
  const previous = revisions[revisions.length - 2];
  /** Rolls the deployment to a revision, waits for it and checks its health. */
  const rollTo = async (revision, when) => {
    kubectl(...ns, 'rollout', 'undo', deployment, `--to-revision=${revision}`);
    kubectl(
      ...ns,
      'rollout',
      'status',
      deployment,
      `--timeout=${args.timeout}`,
    );
    await healthCheck(baseUrl, when);
  };
  log(`rolling ${deployment} back from revision ${current} to ${previous}`);
  const failures = [];
  try {
    await rollTo(previous, 'on the previous version');
    report.previousVersionDeployable = true;
  } catch (error) {
    failures.push(`rolling back: ${error.message}`);
  }
  // Roll forward even when the way back failed, so staging ends on the release.
  log(`rolling ${deployment} forward to revision ${current}`);
  try {
    await rollTo(current, 'on the release again');
  } catch (error) {
    failures.push(`rolling forward: ${error.message}`);
  }
  if (failures.length) {
    throw new Error(failures.join('; '));
  }
  report.lastRollbackDrill = new Date().toISOString().slice(0, 10);
}

let failure;
try {
  await drill();
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
}

mkdirSync(dirname(args.report), { recursive: true });
writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${args.report}: ${JSON.stringify(report)}`);
if (failure) {
  console.error(`[rollback drill] FAILED: ${failure}`);
  process.exit(1);
}
log(
  report.lastRollbackDrill
    ? 'passed: the previous version deployed and served, and the release is back'
    : 'no drill: this is the first release',
);
