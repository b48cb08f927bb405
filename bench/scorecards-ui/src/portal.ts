import { ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The benchmark's portal: the backend serves the production build of the app, as in a
 * deployment, on a port beside a portal someone may run on 3000/7007.
 */
export const PORTAL = {
  appUrl: 'http://localhost:7107',
  backendUrl: 'http://localhost:7107',
};

/** The real portal on the benchmark's port and SQLite directory. */
export interface RunningPortal {
  stop(): Promise<void>;
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

/**
 * Builds the app for production (`packages/app/dist`), starts the backend with its databases in
 * `sqliteDirectory` (the seeded scorecards database and a fresh catalog with the demo data) and
 * waits until it is ready and serves the app.
 */
export async function startPortal(options: {
  repoRoot: string;
  sqliteDirectory: string;
  /** A demo release manifest without releases (`releases: []`). */
  emptyDemoManifest: string;
  log: (line: string) => void;
}): Promise<RunningPortal> {
  options.log(
    'building the app for production (yarn workspace @waybill/app build)',
  );
  const buildStart = Date.now();
  await run(options.repoRoot, ['workspace', '@waybill/app', 'build']);
  options.log(`built in ${Math.round((Date.now() - buildStart) / 1000)} s`);

  const portal = spawn('yarn', ['workspace', '@waybill/backend', 'start'], {
    cwd: options.repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      APP_CONFIG_app_baseUrl: PORTAL.appUrl,
      APP_CONFIG_backend_baseUrl: PORTAL.backendUrl,
      APP_CONFIG_backend_listen_port: '7107',
      APP_CONFIG_backend_cors_origin: PORTAL.appUrl,
      APP_CONFIG_backend_database_connection_directory: options.sqliteDirectory,
      // No demo evidence uploads in the background while the browser measures.
      APP_CONFIG_waybill_demo_seedEvidence: options.emptyDemoManifest,
    },
  });
  let stderr = '';
  portal.stderr?.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async () => {
    if (portal.exitCode === null && portal.pid) {
      process.kill(-portal.pid, 'SIGTERM');
      await Promise.race([
        new Promise(resolve => portal.once('exit', resolve)),
        sleep(10_000),
      ]);
    }
  };
  try {
    options.log('starting the backend on port 7107');
    await waitFor(
      `${PORTAL.backendUrl}/.backstage/health/v1/readiness`,
      600_000,
      portal,
    );
    await waitFor(PORTAL.appUrl, 60_000, portal);
    return { stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
}
