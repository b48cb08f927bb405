import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunningPortal } from '@waybill/bench-utils';

/** Development servers a benchmark started: the app's and the backend's URLs, and how to stop them. */
export interface RunningDevServers extends RunningPortal {
  /** The backend's URL, e.g. `http://localhost:7207` (`url` is the app dev server's). */
  backendUrl: string;
}

/**
 * Fetches `url` until it answers 200, for at most `timeoutMs`; fails early when `exited()` says
 * the process serving it is gone. A request may take long: the dev server holds requests until
 * its first compile is done.
 */
export async function waitForOk(
  url: string,
  timeoutMs: number,
  exited: () => number | null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const code = exited();
    if (code !== null) throw new Error(`The servers exited with code ${code}`);
    const status = await fetch(url, {
      signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())),
    })
      .then(r => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await sleep(1000);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Starts the portal the `make dev` way: `yarn start` at the repository root
 * (`backstage-cli repo start`: the app's rspack dev server, unminified with hot reload, and the
 * backend under `backstage-cli package start`), the app on `appPort` and the backend on
 * `backendPort` (both from `APP_CONFIG_*`, the dev server takes its port from `app.baseUrl`),
 * SQLite in `sqliteDirectory`, `waybill.demo` as app-config.yaml has it (demo evidence and
 * rollouts). Waits until the backend is ready and the dev server has compiled and serves the app.
 */
export async function startDevServers(options: {
  repoRoot: string;
  appPort: number;
  backendPort: number;
  sqliteDirectory: string;
  log: (line: string) => void;
}): Promise<RunningDevServers> {
  const url = `http://localhost:${options.appPort}`;
  const backendUrl = `http://localhost:${options.backendPort}`;
  options.log(
    `starting the development servers (yarn start): app ${url}, backend ${backendUrl}`,
  );
  const started = Date.now();
  const servers = spawn('yarn', ['start'], {
    cwd: options.repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      BROWSER: 'none',
      APP_CONFIG_app_baseUrl: url,
      APP_CONFIG_backend_baseUrl: backendUrl,
      APP_CONFIG_backend_listen_port: String(options.backendPort),
      APP_CONFIG_backend_cors_origin: url,
      APP_CONFIG_backend_database_connection_directory: options.sqliteDirectory,
    },
  });
  let stderr = '';
  servers.stderr?.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async () => {
    if (servers.exitCode === null && servers.pid) {
      const exited = new Promise(resolve => servers.once('exit', resolve));
      process.kill(-servers.pid, 'SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
    }
  };
  const exited = () => servers.exitCode;
  try {
    await waitForOk(
      `${backendUrl}/.backstage/health/v1/readiness`,
      900_000,
      exited,
    );
    options.log(
      `backend ready in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await waitForOk(url, 1_200_000, exited);
    options.log(
      `app dev server compiled and serving in ${Math.round(
        (Date.now() - started) / 1000,
      )} s`,
    );
    return { url, backendUrl, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
}
