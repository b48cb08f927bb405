import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A portal a benchmark started: where it answers, and how to stop it. */
export interface RunningPortal {
  /** The app and backend URL, e.g. `http://localhost:7107`. */
  url: string;
  /** The last 4,000 characters the backend wrote to stderr, for error messages. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Runs a command in the repository and fails with its output when it fails. */
function run(repoRoot: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('yarn', args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', chunk => (output = (output + chunk).slice(-4000)));
    child.stderr?.on('data', chunk => (output = (output + chunk).slice(-4000)));
    child.on('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`yarn ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

async function waitFor(url: string, timeoutMs: number, portal: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (portal.exitCode !== null) {
      throw new Error(`The portal exited with code ${portal.exitCode}`);
    }
    const status = await fetch(url)
      .then(r => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await sleep(1000);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * The backend's command: `yarn workspace @waybill/backend start` (`backstage-cli package start`,
 * which restarts the backend whenever a source file it loaded changes), or, without `watch`, the
 * process that command starts, run directly: the same Node loader and entry, no file watcher.
 */
function backendCommand(
  repoRoot: string,
  watch: boolean,
): { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  if (watch) {
    return {
      command: 'yarn',
      args: ['workspace', '@waybill/backend', 'start'],
      cwd: repoRoot,
      env: {},
    };
  }
  const backendDir = join(repoRoot, 'packages', 'backend');
  const transform = createRequire(join(backendDir, 'package.json')).resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
  );
  return {
    command: process.execPath,
    args: ['--enable-source-maps', '--require', transform, 'src/index'],
    cwd: backendDir,
    env: {
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      ESBK_TSCONFIG_PATH: join(repoRoot, 'tsconfig.json'),
    },
  };
}

/**
 * Builds the app for production (`packages/app/dist`), starts `@waybill/backend` serving it on
 * `port` with its SQLite databases in `sqliteDirectory`, and waits until it is ready and serves
 * the app: the portal as deployed, beside one someone may run on 3000/7007. No demo evidence is
 * uploaded in the background (the demo manifest is an empty one written into the directory)
 * unless `demoEvidence` is true: then `waybill.demo` stays as app-config.yaml has it (the demo
 * releases' evidence, then the demo rollouts, as `make start`); `config` adds `APP_CONFIG_*`
 * overrides. `watch: false` runs the backend without `backstage-cli package start`'s file
 * watcher, so that edits others make in the tree while a benchmark runs do not restart it
 * mid-measurement (the default, `true`, uses that command).
 */
export async function startPortal(options: {
  repoRoot: string;
  port: number;
  sqliteDirectory: string;
  config?: Record<string, string>;
  watch?: boolean;
  demoEvidence?: boolean;
  log: (line: string) => void;
}): Promise<RunningPortal> {
  const { log, port } = options;
  const url = `http://localhost:${port}`;
  log('building the app for production (yarn workspace @waybill/app build)');
  const buildStart = Date.now();
  await run(options.repoRoot, ['workspace', '@waybill/app', 'build']);
  log(`built in ${Math.round((Date.now() - buildStart) / 1000)} s`);

  const demo: Record<string, string> = {};
  if (!options.demoEvidence) {
    const emptyDemoManifest = join(
      options.sqliteDirectory,
      'no-demo-releases.yaml',
    );
    await writeFile(emptyDemoManifest, 'releases: []\n');
    demo.APP_CONFIG_waybill_demo_seedEvidence = emptyDemoManifest;
  }
  const watch = options.watch ?? true;
  log(
    `starting the backend on port ${port}${
      watch ? '' : ' (no file watcher: edits in the tree do not restart it)'
    }`,
  );
  const started = Date.now();
  const backend = backendCommand(options.repoRoot, watch);
  const portal = spawn(backend.command, backend.args, {
    cwd: backend.cwd,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...backend.env,
      APP_CONFIG_app_baseUrl: url,
      APP_CONFIG_backend_baseUrl: url,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_cors_origin: url,
      APP_CONFIG_backend_database_connection_directory: options.sqliteDirectory,
      ...demo,
      ...options.config,
    },
  });
  let stderr = '';
  portal.stderr?.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async () => {
    if (portal.exitCode === null && portal.pid) {
      const exited = new Promise(resolve => portal.once('exit', resolve));
      process.kill(-portal.pid, 'SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    }
  };
  try {
    await waitFor(`${url}/.backstage/health/v1/readiness`, 600_000, portal);
    await waitFor(url, 60_000, portal);
    log(`portal ready in ${Math.round((Date.now() - started) / 1000)} s`);
    return { url, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
}

/** What {@link startPortal} takes. */
export type PortalOptions = Parameters<typeof startPortal>[0];

/**
 * Runs `measure` against a portal of its own: makes a temporary directory (`os.tmpdir()`, its
 * name starting with `directoryPrefix`), lets `prepare` write what the portal reads into it and
 * answer {@link startPortal}'s options (the portal's SQLite files go into the directory too),
 * starts the portal and measures. Whatever happens, the portal is stopped and the directory
 * removed; an error after the portal started ends with the last of the backend's stderr.
 */
export async function withPortal<T>(options: {
  directoryPrefix: string;
  prepare: (
    directory: string,
  ) => Promise<Omit<PortalOptions, 'sqliteDirectory'>>;
  measure: (portal: RunningPortal) => Promise<T>;
}): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), options.directoryPrefix));
  let portal: RunningPortal | undefined;
  try {
    const portalOptions = await options.prepare(directory);
    portal = await startPortal({
      ...portalOptions,
      sqliteDirectory: directory,
    });
    return await options.measure(portal);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}${portal ? `\n${portal.stderr()}` : ''}`,
    );
  } finally {
    await portal?.stop();
    await rm(directory, { recursive: true, force: true });
  }
}
