import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse, stringify } from 'yaml';
import { reservePort } from './ports';

/** The repository root (this package is packages/golden-path; it is never built). */
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = path.resolve(__dirname, '../../..');

const PLACEHOLDER = /\$\{(\w+)(?::-([^{}]*))?\}/g;

/**
 * The entries of `backend.auth.externalAccess` in app-config.production.yaml, with its
 * placeholders set from `values` (GITHUB_OIDC_ISSUER and GITLAB_OIDC_ISSUER to the test
 * issuer's, WAYBILL_CI_TOKEN to a test token) and exactly as production configures them
 * otherwise (URL paths, audience, access restrictions): a change there changes what the test's
 * backend accepts. The pipeline entries (type `waybill-pipeline`) always; the static CI token's
 * only when `values` sets WAYBILL_CI_TOKEN.
 */
export function productionExternalAccess(values: {
  GITHUB_OIDC_ISSUER: string;
  GITLAB_OIDC_ISSUER: string;
  WAYBILL_CI_TOKEN?: string;
}): unknown[] {
  const text = fs.readFileSync(
    path.join(REPO_ROOT, 'app-config.production.yaml'),
    'utf8',
  );
  const known: Record<string, string | undefined> = values;
  const config = parse(
    text.replace(
      PLACEHOLDER,
      (_all, name: string, fallback?: string) =>
        known[name] ?? fallback?.trim() ?? `unset-${name}`,
    ),
  );
  const entries = (config?.backend?.auth?.externalAccess ?? []) as Array<{
    type: string;
  }>;
  if (!entries.some(e => e.type === 'waybill-pipeline')) {
    throw new Error(
      'app-config.production.yaml has no waybill-pipeline entry in backend.auth.externalAccess',
    );
  }
  return entries.filter(
    e =>
      e.type === 'waybill-pipeline' ||
      (e.type === 'static' && values.WAYBILL_CI_TOKEN),
  );
}

/** The Waybill backend a test started. */
export interface RunningWaybill {
  /** e.g. `http://127.0.0.1:7123` */
  url: string;
  /** A static `externalAccess` token (service principal `golden-path-driver`, unrestricted). */
  token: string;
  /** Where the backend keeps its SQLite files, one per plugin (`<pluginId>.sqlite`). */
  databaseDirectory: string;
  /** Milliseconds from spawn to ready. */
  startupMs: number;
  /** The last 20,000 characters of the backend's output. */
  output(): string;
  stop(): Promise<void>;
  /** Sends `signal` to the backend's process group and waits until it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The Waybill backend exited with code ${child.exitCode}:\n${output()}`,
      );
    }
    const status = await fetch(`${url}/.backstage/health/v1/readiness`)
      .then(r => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await sleep(500);
  }
  throw new Error(
    `The Waybill backend was not ready within ${
      timeoutMs / 1000
    } s:\n${output()}`,
  );
}

/** What {@link startWaybill} starts the backend with. */
export interface WaybillOptions {
  directory: string;
  githubIssuer: string;
  gitlabIssuer: string;
  readingAllowHosts: string[];
  /**
   * The test Sigstore's trusted root: the backend then trusts keyless bundles from the two
   * issuers' CI identities of each entity's own repository, as a deployment trusts Sigstore's.
   */
  sigstoreTrustedRoot?: Record<string, unknown>;
  /** Also accept production's static CI token (WAYBILL_CI_TOKEN), with this value. */
  productionCiToken?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
  /**
   * PostgreSQL instead of the SQLite files: Backstage's `pg` client, one database per plugin
   * named `<prefix><pluginId>` (`backend.database.prefix`), created when missing.
   */
  database?: {
    client: 'pg';
    connection: string | object;
    prefix?: string;
    pluginDivisionMode?: 'database' | 'schema';
  };
}

/**
 * `scorecards.trust.sigstore` for a test Sigstore (its trusted root, inline or as a file): the
 * GitHub workflows and the GitLab CI configuration of the entity's own repository, as
 * app-config.production.yaml's example says, from the given OIDC issuers.
 */
export function sigstoreTrust(
  issuers: { github: string; gitlab: string },
  root: { trustedRoot: string } | { trustedRootFile: string },
) {
  return {
    ...root,
    identities: [
      {
        issuer: issuers.github,
        provider: 'github',
        subjectPattern:
          '^https://github\\.com/{repository}/\\.github/workflows/',
      },
      {
        issuer: issuers.gitlab,
        provider: 'gitlab',
        subjectPattern: '^https://gitlab\\.com/{repository}//',
      },
    ],
  };
}

/** The test's config file of the backend, over app-config.yaml (see {@link startWaybill}). */
function waybillConfig(
  options: WaybillOptions,
  at: { url: string; port: number; token: string; databaseDirectory: string },
) {
  const { url, port, token, databaseDirectory } = at;
  return {
    app: { baseUrl: url },
    backend: {
      baseUrl: url,
      listen: { port, host: '127.0.0.1' },
      cors: { origin: url },
      database: options.database ?? {
        client: 'better-sqlite3',
        connection: { directory: databaseDirectory },
      },
      reading: {
        allow: options.readingAllowHosts.map(host => ({ host })),
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token, subject: 'golden-path-driver' },
          },
          ...productionExternalAccess({
            GITHUB_OIDC_ISSUER: options.githubIssuer,
            GITLAB_OIDC_ISSUER: options.gitlabIssuer,
            WAYBILL_CI_TOKEN: options.productionCiToken,
          }),
        ],
      },
    },
    // The templates publish to GitHub or GitLab: a dry run checks that an integration with
    // credentials exists for the host (it never calls it).
    integrations: {
      github: [{ host: 'github.com', token: 'golden-path-dry-run' }],
      gitlab: [{ host: 'gitlab.com', token: 'golden-path-dry-run' }],
    },
    waybill: { demo: { seedEvidence: null, seedRollouts: null } },
    ...(options.sigstoreTrustedRoot
      ? {
          scorecards: {
            trust: {
              sigstore: sigstoreTrust(
                { github: options.githubIssuer, gitlab: options.gitlabIssuer },
                { trustedRoot: JSON.stringify(options.sigstoreTrustedRoot) },
              ),
            },
          },
        }
      : {}),
    tenantRollouts: {
      autoAdvance: { frequencyMinutes: 1440 },
      freezeWindows: [],
    },
  };
}

/**
 * Spawns packages/backend as `backstage-cli package start` runs it (its Node transform, no
 * watcher) with app-config.yaml and `configFile`, in a process group of its own.
 */
function spawnBackend(configFile: string): ChildProcess {
  const backendDir = path.join(REPO_ROOT, 'packages', 'backend');
  const transform = createRequire(
    path.join(backendDir, 'package.json'),
  ).resolve('@backstage/cli-node/config/nodeTransform.cjs');
  return spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      'src/index',
      '--config',
      path.join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.json'),
        // Jest's variables would make the backend think it runs in a test.
        JEST_WORKER_ID: undefined,
      },
    },
  );
}

/**
 * Starts the repository's real backend (packages/backend, the process `backstage-cli package
 * start` runs, without its file watcher, as bench/utils' `startPortal` does with `watch: false`)
 * on a free loopback port, with app-config.yaml plus a config file of the test's:
 *
 * - SQLite files in `directory` (so a test can open `tenant-rollouts.sqlite`);
 * - no demo evidence and no demo rollouts (`waybill.demo.*` off as in production);
 * - `backend.auth.externalAccess`: a static token for the test driver, production's two
 *   pipeline entries (GitHub Actions, GitLab CI) pointed at the test issuer, and production's
 *   static CI token when `productionCiToken` is given;
 * - GitHub and GitLab integrations with placeholder tokens, which a template's dry run needs to
 *   exist (publishing is skipped in a dry run);
 * - `backend.reading.allow` for the hosts the URL reader may read (the loopback repository host);
 * - tenant rollouts without the calendar's freeze windows and without the scheduler's
 *   auto-advance, so that the pipeline alone moves its rollouts and a run does not depend on
 *   the date.
 *
 * The demo catalog of app-config.yaml stays loaded.
 */
export async function startWaybill(
  options: WaybillOptions,
): Promise<RunningWaybill> {
  const reservation = await reservePort();
  const { port } = reservation;
  const url = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString('hex');
  const databaseDirectory = path.join(options.directory, 'sqlite');
  fs.mkdirSync(databaseDirectory, { recursive: true });
  const config = waybillConfig(options, {
    url,
    port,
    token,
    databaseDirectory,
  });
  const configFile = path.join(
    options.directory,
    'app-config.golden-path.yaml',
  );
  fs.writeFileSync(configFile, stringify(config));

  const started = Date.now();
  await reservation.release();
  const child = spawnBackend(configFile);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(10_000)]);
    }
  };
  try {
    await waitUntilReady(
      url,
      child,
      options.timeoutMs ?? 300_000,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = Date.now() - started;
  options.log?.(`Waybill backend ready at ${url} in ${startupMs} ms`);
  return {
    url,
    token,
    databaseDirectory,
    startupMs,
    output: () => output,
    stop,
    kill: async signal => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise(resolve => child.once('exit', resolve));
      process.kill(-child.pid!, signal);
      await exited;
    },
  };
}
