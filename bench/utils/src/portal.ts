import { ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
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
 * Builds the app for production (`packages/app/dist`), starts `@waybill/backend` serving it on
 * `port` with its SQLite databases in `sqliteDirectory`, and waits until it is ready and serves
 * the app: the portal as deployed, beside one someone may run on 3000/7007. No demo evidence is
 * uploaded in the background (the demo manifest is an empty one written into the directory);
 * `config` adds `APP_CONFIG_*` overrides.
 */
export async function startPortal(options: {
  repoRoot: string;
  port: number;
  sqliteDirectory: string;
  config?: Record<string, string>;
  log: (line: string) => void;
}): Promise<RunningPortal> {
  const { log, port } = options;
  const url = `http://localhost:${port}`;
  log('building the app for production (yarn workspace @waybill/app build)');
  const buildStart = Date.now();
  await run(options.repoRoot, ['workspace', '@waybill/app', 'build']);
  log(`built in ${Math.round((Date.now() - buildStart) / 1000)} s`);

  const emptyDemoManifest = join(
    options.sqliteDirectory,
    'no-demo-releases.yaml',
  );
  await writeFile(emptyDemoManifest, 'releases: []\n');
  log(`starting the backend on port ${port}`);
  const started = Date.now();
  const portal = spawn('yarn', ['workspace', '@waybill/backend', 'start'], {
    cwd: options.repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      APP_CONFIG_app_baseUrl: url,
      APP_CONFIG_backend_baseUrl: url,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_cors_origin: url,
      APP_CONFIG_backend_database_connection_directory: options.sqliteDirectory,
      APP_CONFIG_waybill_demo_seedEvidence: emptyDemoManifest,
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
