import { setTimeout as sleep } from 'node:timers/promises';
import { Knex } from 'knex';
import { waybillApi } from '../harness';
import { RunningWaybill } from '../portal';

/** The table in each plugin's database where Backstage's scheduler keeps its global tasks. */
const TASKS_TABLE = 'backstage_backend_tasks__tasks';

/** A scheduled task of a plugin, as `scheduleTask` registers it (plugins/\*\/src/plugin.ts). */
export interface ScheduledTask {
  pluginId: string;
  taskId: string;
  /** Its frequency. */
  cadenceMs: number;
}

/** The task's state on one replica (the scheduler's `/.backstage/scheduler/v1/tasks`). */
async function workerState(
  replica: RunningWaybill,
  task: ScheduledTask,
): Promise<{ status: string } | undefined> {
  const { status, body } = await waybillApi<{
    tasks: Array<{ taskId: string; workerState: { status: string } | null }>;
  }>(
    replica.url,
    replica.token,
    'GET',
    `/api/${task.pluginId}/.backstage/scheduler/v1/tasks`,
  );
  if (status !== 200) {
    throw new Error(`The scheduler of ${task.pluginId} answered ${status}`);
  }
  return (
    body.tasks.find(t => t.taskId === task.taskId)?.workerState ?? undefined
  );
}

/** Waits until the task's worker on every replica is past its initial delay and polls for work. */
export async function waitForWorkers(
  replicas: RunningWaybill[],
  task: ScheduledTask,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(
      replicas.map(replica => workerState(replica, task)),
    );
    if (states.every(s => s && s.status !== 'initial-wait')) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${task.taskId}'s workers are ${JSON.stringify(
          states,
        )} after ${timeoutMs} ms`,
      );
    }
    await sleep(500);
  }
}

interface TaskRow {
  next_run_start_at: Date;
  current_run_ticket: string | null;
  last_run_ended_at: Date | null;
}

async function taskRow(db: Knex, task: ScheduledTask): Promise<TaskRow> {
  const row = await db(TASKS_TABLE).where({ id: task.taskId }).first();
  if (!row) throw new Error(`No ${task.taskId} in ${TASKS_TABLE}`);
  return row;
}

/**
 * Triggers the task through one replica's scheduler API and counts how often it then ran,
 * across every replica on the database, from the scheduler's table: each run, when it ends,
 * moves `next_run_start_at` one period past the previous one (never before now), and a trigger
 * sets it to now, so after k runs it is k periods past the trigger. Waits for the run the
 * trigger started to end (one claimed after the trigger: a scheduled run that began before it
 * may end just after it, and is not that run), then `settleMs` for a second one (more than a
 * worker's 5 s poll interval).
 */
export async function runsAfterTrigger(
  db: Knex,
  through: RunningWaybill,
  task: ScheduledTask,
  settleMs: number,
): Promise<number> {
  const route = `/api/${task.pluginId}/.backstage/scheduler/v1/tasks/${task.taskId}/trigger`;
  let triggeredAt: number;
  for (;;) {
    triggeredAt = Date.now();
    const { status } = await waybillApi(
      through.url,
      through.token,
      'POST',
      route,
    );
    if (status === 200) break;
    // 409: a scheduled run is in progress; trigger once it has ended.
    if (status !== 409) throw new Error(`Triggering ${task.taskId}: ${status}`);
    await sleep(200);
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const row = await taskRow(db, task);
    const claimedSinceTrigger =
      row.next_run_start_at.getTime() >= triggeredAt + task.cadenceMs / 2;
    if (
      claimedSinceTrigger &&
      !row.current_run_ticket &&
      row.last_run_ended_at &&
      row.last_run_ended_at.getTime() >= triggeredAt
    ) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(`${task.taskId} did not run after its trigger`);
    }
    await sleep(100);
  }
  await sleep(settleMs);
  const row = await taskRow(db, task);
  return Math.round(
    (row.next_run_start_at.getTime() - triggeredAt) / task.cadenceMs,
  );
}

/** Collects the lines of the replicas' output that match `pattern`, from now until stopped. */
export function watchOutput(
  replicas: RunningWaybill[],
  pattern: RegExp,
): { stop(): string[] } {
  const matching = () =>
    replicas.flatMap(replica =>
      replica
        .output()
        .split('\n')
        .filter(line => pattern.test(line))
        .map(line => `${replica.url} ${line}`),
    );
  const before = new Set(matching());
  const lines = new Set<string>();
  const collect = () =>
    matching().forEach(line => {
      if (!before.has(line)) lines.add(line);
    });
  const timer = setInterval(collect, 200);
  return {
    stop: () => {
      clearInterval(timer);
      collect();
      return [...lines];
    },
  };
}

/** Waits until the task has run once (its first run after its initial delay). */
export async function waitForFirstRun(
  db: Knex,
  task: ScheduledTask,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await taskRow(db, task)).last_run_ended_at) {
    if (Date.now() > deadline) {
      throw new Error(`${task.taskId} has not run after ${timeoutMs} ms`);
    }
    await sleep(500);
  }
}
