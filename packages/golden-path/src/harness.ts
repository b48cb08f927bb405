import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { knex } from 'knex';
import { PortReservation } from './ports';

/** A call to the Waybill API as the test driver (the static token), answering status and JSON. */
export async function waybillApi<T = any>(
  baseUrl: string,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed as T };
}

/**
 * Lets `minutes` pass for the tenant rollouts of `entityRef`, for the test only: moves every
 * tenant status change (`tenant_rollouts_tenants.updated_at`) of the entity's rollouts back by
 * that much in the backend's SQLite file, so a wave that turned healthy has baked as if the time
 * had passed. Nothing else changes: the plan, the strategy, the states, the trail. Answers the
 * rows moved.
 */
export async function letTimePass(
  databaseDirectory: string,
  entityRef: string,
  minutes: number,
): Promise<number> {
  const db = knex({
    client: 'better-sqlite3',
    connection: {
      filename: path.join(databaseDirectory, 'tenant-rollouts.sqlite'),
    },
    useNullAsDefault: true,
  });
  try {
    const rows: Array<{
      rollout_id: number;
      tenant_ref: string;
      updated_at: number | string;
    }> = await db('tenant_rollouts_tenants as t')
      .join('tenant_rollouts as r', 'r.id', 't.rollout_id')
      .where('r.entity_ref', entityRef.toLowerCase())
      .select('t.rollout_id', 't.tenant_ref', 't.updated_at');
    const shift = minutes * 60_000;
    await db.transaction(async tx => {
      for (const row of rows) {
        let value: number | string;
        if (typeof row.updated_at === 'number') {
          value = row.updated_at - shift;
        } else {
          const iso = row.updated_at.includes('T')
            ? row.updated_at
            : `${row.updated_at.replace(' ', 'T')}Z`;
          value = new Date(new Date(iso).getTime() - shift)
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, '');
        }
        await tx('tenant_rollouts_tenants')
          .where({ rollout_id: row.rollout_id, tenant_ref: row.tenant_ref })
          .update({ updated_at: value });
      }
    });
    return rows.length;
  } finally {
    await db.destroy();
  }
}

/** The service a scaffolded repository builds, running on this machine. */
export interface RunningService {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a scaffolded service from its build (a directory holding `dist/` and what it needs) as
 * its image would run it: the last `CMD [...]` of its Dockerfile, with `PORT` (the reserved
 * port, released just before the start); waits until the service itself says it listens (the
 * golden templates' first log line, `{"msg":"<name> listening","port":<PORT>}`). A port that
 * merely answers is not proof: another process may hold it while this service failed to bind.
 */
export async function startService(options: {
  dir: string;
  port: PortReservation;
  timeoutMs?: number;
}): Promise<RunningService> {
  const { port } = options.port;
  const dockerfile = fs.readFileSync(
    path.join(options.dir, 'Dockerfile'),
    'utf8',
  );
  const cmds = [...dockerfile.matchAll(/^CMD\s+(\[.*\])\s*$/gm)];
  if (cmds.length === 0) {
    throw new Error(
      'The Dockerfile has no CMD ["..."] to start the service with',
    );
  }
  const [command, ...args] = JSON.parse(cmds[cmds.length - 1][1]) as string[];
  await options.port.release();
  const child: ChildProcess = spawn(
    command === 'node' ? process.execPath : command,
    args,
    {
      cwd: options.dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        PORT: String(port),
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let listening = false;
  let partialLine = '';
  child.stdout?.on('data', c => {
    output = (output + c).slice(-10_000);
    const lines = (partialLine + c).split('\n');
    partialLine = lines.pop() ?? '';
    listening ||= lines.some(line => saysListening(line, port));
  });
  child.stderr?.on('data', c => (output = (output + c).slice(-10_000)));
  const read = () => output;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone
      }
      await Promise.race([exited, sleep(5000)]);
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The service exited with ${child.exitCode} before it listened:\n${output}`,
      );
    }
    if (listening) {
      return { url: `http://127.0.0.1:${port}`, output: read, stop };
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`The service did not listen on ${port}:\n${output}`);
}

/** Whether a log line is a golden service's "listening" line for `port`. */
function saysListening(line: string, port: number): boolean {
  try {
    const entry = JSON.parse(line);
    return (
      typeof entry?.msg === 'string' &&
      entry.msg.endsWith(' listening') &&
      entry.port === port
    );
  } catch {
    return false;
  }
}

/**
 * Records a waiver request in the scorecards backend's SQLite file as another person makes one
 * (`requestedBy`), for the browser tests only: the portal's guest sign-in has one identity, and
 * a waiver must be approved by someone other than who asked. Answers the waiver's id.
 */
export async function recordWaiverRequest(
  databaseDirectory: string,
  waiver: {
    entityRef: string;
    versionRange: string;
    environment: string;
    checkId: string;
    reason: string;
    requestedBy: string;
    expiresAt: Date;
  },
): Promise<number> {
  const db = knex({
    client: 'better-sqlite3',
    connection: { filename: path.join(databaseDirectory, 'scorecards.sqlite') },
    useNullAsDefault: true,
  });
  try {
    const [row] = await db('scorecards_waivers')
      .insert({
        entity_ref: waiver.entityRef,
        version_range: waiver.versionRange,
        environment: waiver.environment,
        check_id: waiver.checkId,
        reason: waiver.reason,
        expires_at: waiver.expiresAt,
        requested_by: waiver.requestedBy,
        requested_at: new Date(),
      })
      .returning('id');
    return typeof row === 'object' ? row.id : row;
  } finally {
    await db.destroy();
  }
}
