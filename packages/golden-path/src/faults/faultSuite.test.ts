import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Knex } from 'knex';
import { registerLocation, RepoHost, waitForEntities } from '../estate';
import { waybillApi } from '../harness';
import { OidcIssuer } from '../oidcIssuer';
import { RunningWaybill, startWaybill } from '../portal';
import {
  CANARY_TENANTS,
  CANARY_THEN_EVERYONE,
  EvidenceFile,
  faultCatalog,
  faultTenants,
  junit,
  lcov,
  ONE_WAVE,
  passingEvidence,
  ROLLED_OUT,
  TENANT_COUNT,
  UPLOADED_TO,
  waitForCatalogTenants,
} from './faultEstate';
import { FaultTable } from './faultTable';
import { call, InFlightRequest, Outcome, sendRequest } from './inFlight';
import { FaultDatabases } from './postgres';
import {
  runsAfterTrigger,
  ScheduledTask,
  waitForFirstRun,
  waitForWorkers,
  watchOutput,
} from './scheduledTasks';
import {
  evaluatedAt,
  evidenceRows,
  partialEvidence,
  rolloutTrail,
  RolloutTrail,
  tenantsWithStatus,
  trailIsWhole,
  uncommittedTenantWrites,
} from './storedState';

/**
 * The real backend on PostgreSQL, under faults: SIGKILL in the middle of an evidence upload, a
 * 1,000-tenant status report and a wave advance (then a restart on the same databases);
 * database connections terminated under requests; two replicas sharing the scheduler's tasks.
 * Prints what it checked as a table at the end.
 */

const SERVICE_REF = `component:default/${ROLLED_OUT}`;
/** scorecards.environments in app-config.yaml: one gate decision each per evaluation. */
const ENVIRONMENTS = ['staging', 'production'];
const AUTO_ADVANCE: ScheduledTask = {
  pluginId: 'tenant-rollouts',
  taskId: 'tenant-rollouts-auto-advance',
  // tenantRollouts.autoAdvance.frequencyMinutes as startWaybill configures it.
  cadenceMs: 1440 * 60_000,
};
const REEVALUATE: ScheduledTask = {
  pluginId: 'scorecards',
  taskId: 'scorecards-reevaluate',
  cadenceMs: 60_000,
};
const ENTITY_SYNC: ScheduledTask = {
  pluginId: 'scorecards',
  taskId: 'scorecards-entity-sync',
  cadenceMs: 10 * 60_000,
};
const AUTO_ADVANCER = 'plugin:tenant-rollouts/auto-advance';

const table = new FaultTable();
const databases = new FaultDatabases();
const started: RunningWaybill[] = [];
let root: string;
let issuer: OidcIssuer;
let host: RepoHost;
/** Requests go to w1, then to w2 once w1 has been killed. */
let portal: RunningWaybill;
/** A second replica on the same databases, for the scheduler's checks with w1. */
let replica: RunningWaybill;
let replicaStarted: Promise<RunningWaybill> | undefined;
let tenantRefs: string[];
let rollouts: {
  reportSent: number;
  reportInTransaction: number;
  advanceSent: number;
  advanceInTransaction: number;
  autoAdvanced: number;
};
let scorecardsDb: Knex;
let rolloutsDb: Knex;

async function start(name: string): Promise<RunningWaybill> {
  const waybill = await startWaybill({
    directory: path.join(root, name),
    githubIssuer: issuer.githubIssuer,
    gitlabIssuer: issuer.gitlabIssuer,
    readingAllowHosts: [host.hostAndPort],
    database: databases.backendDatabase(name),
  });
  started.push(waybill);
  return waybill;
}

const api = <T = any>(method: string, route: string, body?: unknown) =>
  waybillApi<T>(portal.url, portal.token, method, route, body);

function upload(
  entity: string,
  version: string,
  file: EvidenceFile,
  pacing: { chunkBytes?: number; chunkDelayMs?: number } = {},
): InFlightRequest {
  return sendRequest({
    url: `${portal.url}/api/scorecards/entities/component/default/${entity}/releases/${version}/evidence/${file.kind}`,
    token: portal.token,
    method: 'POST',
    contentType: file.contentType,
    body: file.body,
    ...pacing,
  });
}

const jsonRequest = (route: string, json: unknown): InFlightRequest =>
  sendRequest({
    url: `${portal.url}${route}`,
    token: portal.token,
    method: 'POST',
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify(json)),
  });

const reportHealthy = (rolloutId: number, refs = tenantRefs) =>
  jsonRequest(`/api/tenant-rollouts/rollouts/${rolloutId}/tenants/status`, {
    statuses: refs.map(tenant => ({ tenant, status: 'healthy' })),
  });

const advance = (rolloutId: number) =>
  jsonRequest(`/api/tenant-rollouts/rollouts/${rolloutId}/actions/advance`, {});

const digestOf = (file: EvidenceFile) =>
  createHash('sha256').update(file.body).digest('hex');

const describeOutcome = (outcome: Outcome) =>
  'error' in outcome ? `connection ${outcome.error}` : `${outcome.status}`;

const errorBody = (outcome: Outcome) => {
  try {
    return 'error' in outcome ? undefined : JSON.parse(outcome.body);
  } catch {
    return undefined;
  }
};

/** Setup's requests must succeed: throws with the answer otherwise. */
function mustAnswer(
  what: string,
  answer: Outcome | { status: number; body: unknown },
  status: number,
) {
  if (answer.status !== status) {
    throw new Error(
      `${what} answered ${
        'error' in answer ? answer.error : answer.status
      }, not ${status}: ${JSON.stringify('body' in answer ? answer.body : '')}`,
    );
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-faults-'));
  [issuer, host] = await Promise.all([OidcIssuer.start(), RepoHost.start()]);
  portal = await start('w1');
  // Its scheduled tasks' initial delays (up to a minute) pass while the catalog takes the tenants.
  replicaStarted = start('w3');
  scorecardsDb = databases.plugin('scorecards');
  rolloutsDb = databases.plugin('tenant-rollouts');

  const tenants = faultTenants();
  tenantRefs = tenants.map(t => `resource:default/${t.name}`);
  await registerLocation(
    portal.url,
    portal.token,
    host.serveCatalogFile('faults.yaml', faultCatalog(tenants)),
  );
  await waitForEntities(portal.url, portal.token, [
    SERVICE_REF,
    `component:default/${UPLOADED_TO}`,
  ]);
  await waitForCatalogTenants(portal, SERVICE_REF, TENANT_COUNT, 120_000);

  // Release 1.0.0 of the rolled-out service passes its staging gate.
  for (const file of passingEvidence()) {
    const answer = await upload(ROLLED_OUT, '1.0.0', file).outcome;
    mustAnswer(`Uploading ${file.kind} evidence`, answer, 201);
  }
  // The scheduler's first auto-advance (30 s after start) must not move the rollouts below.
  await waitForFirstRun(rolloutsDb, AUTO_ADVANCE, 60_000);
  const plan = async (strategy: object, canariesHealthy: boolean) => {
    const created = await api('POST', '/api/tenant-rollouts/rollouts', {
      entityRef: SERVICE_REF,
      version: '1.0.0',
      environment: 'staging',
      strategy,
    });
    mustAnswer('Planning a rollout', created, 201);
    const id: number = created.body.id;
    mustAnswer(
      `Starting rollout ${id}`,
      await api(
        'POST',
        `/api/tenant-rollouts/rollouts/${id}/actions/start`,
        {},
      ),
      200,
    );
    if (canariesHealthy) {
      mustAnswer(
        `Reporting rollout ${id}'s canaries healthy`,
        await reportHealthy(id, tenantRefs.slice(0, CANARY_TENANTS)).outcome,
        200,
      );
    }
    return id;
  };
  rollouts = {
    reportSent: await plan(ONE_WAVE, false),
    reportInTransaction: await plan(ONE_WAVE, false),
    // Their canaries turn healthy after the scheduler's checks, which would advance them.
    advanceSent: await plan(CANARY_THEN_EVERYONE, false),
    advanceInTransaction: await plan(CANARY_THEN_EVERYONE, false),
    autoAdvanced: await plan(CANARY_THEN_EVERYONE, true),
  };
  replica = await replicaStarted;
}, 240_000);

afterAll(async () => {
  await replicaStarted?.catch(() => undefined);
  await Promise.all(started.map(waybill => waybill.stop()));
  await Promise.all([issuer?.close(), host?.close()]);
  await databases.drop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
  // eslint-disable-next-line no-console
  console.log(`Fault suite on PostgreSQL\n\n${table}`);
}, 60_000);

describe('two backend replicas on one database', () => {
  const replicas = () => [portal, replica];
  let results: Record<
    string,
    { runs: number; outcome: string; outcomeOk: boolean }
  >;

  beforeAll(async () => {
    for (const task of [REEVALUATE, ENTITY_SYNC, AUTO_ADVANCE]) {
      await waitForWorkers(replicas(), task, 120_000);
    }
    const settleMs = 6000;
    const reevaluate = async () => {
      const stale = await scorecardsDb('scorecards_evaluations').update({
        policy_digest: 'made-stale-by-the-fault-suite',
      });
      const log = watchOutput(replicas(), /Re-evaluated \d+ releases/);
      const runs = await runsAfterTrigger(
        scorecardsDb,
        portal,
        REEVALUATE,
        settleMs,
      );
      const lines = log.stop();
      const reevaluated = lines
        .map(line => Number(/Re-evaluated (\d+)/.exec(line)![1]))
        .reduce((a, b) => a + b, 0);
      const left = await scorecardsDb('scorecards_evaluations')
        .where({ policy_digest: 'made-stale-by-the-fault-suite' })
        .count({ count: '*' });
      return {
        runs,
        outcome: `${stale} release(s) made stale; re-evaluated ${reevaluated} in ${
          lines.length
        } run(s) that found any; ${Number(left[0].count)} left stale`,
        outcomeOk:
          reevaluated === stale &&
          lines.length === 1 &&
          Number(left[0].count) === 0,
      };
    };
    const entitySync = async () => {
      await scorecardsDb('scorecards_entities').update({
        title: 'out of date',
      });
      const runs = await runsAfterTrigger(
        scorecardsDb,
        portal,
        ENTITY_SYNC,
        settleMs,
      );
      const outOfDate = await scorecardsDb('scorecards_entities')
        .where({ title: 'out of date' })
        .count({ count: '*' });
      return {
        runs,
        outcome: `${Number(
          outOfDate[0].count,
        )} portfolio titles left out of date`,
        outcomeOk: Number(outOfDate[0].count) === 0,
      };
    };
    const autoAdvance = async () => {
      const log = watchOutput(replicas(), /Auto-advanced \d+ rollouts/);
      const runs = await runsAfterTrigger(
        rolloutsDb,
        portal,
        AUTO_ADVANCE,
        settleMs,
      );
      const lines = log.stop();
      const trail = await rolloutTrail(rolloutsDb, rollouts.autoAdvanced);
      const byScheduler = trail.events.filter(
        e => e.actor === AUTO_ADVANCER,
      ).length;
      return {
        runs,
        outcome: `baked canary wave: wave ${trail.currentWave}, ${byScheduler} advance by the scheduler, ${lines.length} "Auto-advanced" log line(s)`,
        outcomeOk:
          trail.currentWave === 1 && byScheduler === 1 && lines.length === 1,
      };
    };
    const [reevaluated, synced, advanced] = await Promise.all([
      reevaluate(),
      entitySync(),
      autoAdvance(),
    ]);
    results = {
      [REEVALUATE.taskId]: reevaluated,
      [ENTITY_SYNC.taskId]: synced,
      [AUTO_ADVANCE.taskId]: advanced,
    };
  }, 180_000);

  it.each([REEVALUATE.taskId, ENTITY_SYNC.taskId, AUTO_ADVANCE.taskId])(
    '%s runs once per trigger across the replicas',
    taskId => {
      const { runs, outcome, outcomeOk } = results[taskId];
      table.add({
        fault: `2 replicas, ${taskId} triggered once`,
        checked: `runs counted in backstage_backend_tasks__tasks (next_run_start_at moves one period per run); the run's effect`,
        result: `${runs} run (duplicates ${Math.max(runs - 1, 0)}); ${outcome}`,
      });
      expect(runs).toBe(1);
      expect(outcomeOk).toBe(true);
    },
  );
});

describe('SIGKILL of the backend in the middle of a request, then a restart on the same database', () => {
  /** Files uploaded while the backend is killed. */
  const files = {
    midBody: junit(45_000, 'killed mid-body'),
    sent: lcov(60_000),
    inTransaction: junit(30, 'killed in its transaction'),
  };
  /** What the requests got, and what the databases held once the killed backend's sessions ended. */
  let killed: {
    outcomes: Record<string, Outcome>;
    partialEvidence: string[];
    evidenceRows: Record<keyof typeof files, number>;
    evaluationBefore?: Date;
    evaluationAfter?: Date;
    healthy: { reportSent: number; reportInTransaction: number };
    writtenInTransaction: number;
    trails: { advanceSent: RolloutTrail; advanceInTransaction: RolloutTrail };
  };

  beforeAll(async () => {
    for (const id of [rollouts.advanceSent, rollouts.advanceInTransaction]) {
      mustAnswer(
        `Reporting rollout ${id}'s canaries healthy`,
        await reportHealthy(id, tenantRefs.slice(0, CANARY_TENANTS)).outcome,
        200,
      );
    }
    const evaluationBefore = await evaluatedAt(
      scorecardsDb,
      SERVICE_REF,
      '1.0.0',
    );
    // Row and table locks of the driver's hold three requests inside their transactions:
    // the upload after its evidence INSERT (the evaluation's row is locked), the report after its
    // first 500 tenants (a tenant of the second 500 is locked), the advance after moving the wave
    // (the trail's table is locked against INSERT).
    const evaluationLock = await scorecardsDb.transaction();
    await evaluationLock.raw(
      `SELECT 1 FROM scorecards_evaluations WHERE release_id =
         (SELECT id FROM scorecards_releases WHERE entity_ref = ? AND version = ?) FOR UPDATE`,
      [SERVICE_REF, '1.0.0'],
    );
    const rolloutLock = await rolloutsDb.transaction();
    await rolloutLock.raw(
      'SELECT 1 FROM tenant_rollouts_tenants WHERE rollout_id = ? AND tenant_ref = ? FOR UPDATE',
      [rollouts.reportInTransaction, tenantRefs[TENANT_COUNT - 1]],
    );
    await rolloutLock.raw('LOCK TABLE tenant_rollouts_events IN SHARE MODE');
    const inTransaction = {
      evidence: upload(ROLLED_OUT, '1.0.0', files.inTransaction),
      report: reportHealthy(rollouts.reportInTransaction),
      advance: advance(rollouts.advanceInTransaction),
    };
    await databases.waitForLockWaits('w1', [
      /^insert into "scorecards_evaluations"/,
      /^update "tenant_rollouts_tenants"/,
      /^insert into "tenant_rollouts_events"/,
    ]);
    const writtenInTransaction =
      (await uncommittedTenantWrites(
        databases.plugin('tenant-rollouts'),
        rollouts.reportInTransaction,
      )) - 1; // the driver's own lock

    // A large upload streamed slowly, killed when half of it has arrived; an upload, a report
    // and an advance killed as soon as their last byte has left.
    const midBody = upload(UPLOADED_TO, '2.0.0', files.midBody, {
      chunkBytes: 64 * 1024,
      chunkDelayMs: 20,
    });
    await midBody.written(files.midBody.body.length / 2);
    const sent = {
      evidence: upload(UPLOADED_TO, '2.0.0', files.sent),
      report: reportHealthy(rollouts.reportSent),
      advance: advance(rollouts.advanceSent),
    };
    await Promise.all(Object.values(sent).map(request => request.sent));
    await portal.kill('SIGKILL');

    const requests = {
      'evidence mid-body': midBody,
      'evidence sent': sent.evidence,
      'report sent': sent.report,
      'advance sent': sent.advance,
      'evidence in transaction': inTransaction.evidence,
      'report in transaction': inTransaction.report,
      'advance in transaction': inTransaction.advance,
    };
    const outcomes = Object.fromEntries(
      await Promise.all(
        Object.entries(requests).map(
          async ([name, request]) => [name, await request.outcome] as const,
        ),
      ),
    );
    await evaluationLock.commit();
    await rolloutLock.commit();
    // The killed backend's transactions end (roll back) once their locks are free.
    await databases.waitUntilGone('w1');

    killed = {
      outcomes,
      partialEvidence: await partialEvidence(scorecardsDb, ENVIRONMENTS),
      evidenceRows: {
        midBody: await evidenceRows(scorecardsDb, digestOf(files.midBody)),
        sent: await evidenceRows(scorecardsDb, digestOf(files.sent)),
        inTransaction: await evidenceRows(
          scorecardsDb,
          digestOf(files.inTransaction),
        ),
      },
      evaluationBefore,
      evaluationAfter: await evaluatedAt(scorecardsDb, SERVICE_REF, '1.0.0'),
      healthy: {
        reportSent: (
          await tenantsWithStatus(rolloutsDb, rollouts.reportSent, 'healthy')
        ).matching,
        reportInTransaction: (
          await tenantsWithStatus(
            rolloutsDb,
            rollouts.reportInTransaction,
            'healthy',
          )
        ).matching,
      },
      writtenInTransaction,
      trails: {
        advanceSent: await rolloutTrail(rolloutsDb, rollouts.advanceSent),
        advanceInTransaction: await rolloutTrail(
          rolloutsDb,
          rollouts.advanceInTransaction,
        ),
      },
    };
    // The restart.
    portal = await start('w2');
  }, 240_000);

  it('every killed request got no answer', () => {
    const answered = Object.entries(killed.outcomes)
      .filter(([, outcome]) => outcome.status !== 0)
      .map(([name, outcome]) => `${name}: ${describeOutcome(outcome)}`);
    table.add({
      fault: 'SIGKILL during 7 requests at once',
      checked: 'no request was answered before the kill',
      result: answered.length === 0 ? 'none answered' : answered.join('; '),
    });
    expect(answered).toEqual([]);
  });

  it('leaves no evidence without its evaluation, checks and gates', async () => {
    const after = await partialEvidence(scorecardsDb, ENVIRONMENTS);
    table.add({
      fault: 'SIGKILL during 3 evidence uploads',
      checked:
        'every evidence row has its release evaluation (at or after the upload, with checks) and a gate per environment, after the kill and after the retries',
      result: `partial rows: ${killed.partialEvidence.length} after the kill, ${after.length} after the retries`,
    });
    expect(killed.partialEvidence).toEqual([]);
    expect(after).toEqual([]);
  });

  const retryUpload = async (
    file: EvidenceFile,
    entity: string,
    version: string,
    stored: number,
  ) => {
    const answer = await upload(entity, version, file).outcome;
    return {
      answer: describeOutcome(answer),
      expected: stored === 0 ? '201' : '200',
      rows: await evidenceRows(scorecardsDb, digestOf(file)),
    };
  };

  it('an upload killed mid-body stores nothing; its retry is stored once', async () => {
    const retry = await retryUpload(files.midBody, UPLOADED_TO, '2.0.0', 0);
    table.add({
      fault: `SIGKILL mid-body: evidence upload (${(
        files.midBody.body.length / 1e6
      ).toFixed(1)} MB JUnit at 64 KB/20 ms, killed at half)`,
      checked: 'rows of the file after the kill; retry; rows after the retry',
      result: `${killed.evidenceRows.midBody} rows; retry ${retry.answer}; ${
        retry.rows
      } row (lost 0, duplicates ${Math.max(retry.rows - 1, 0)})`,
    });
    expect(killed.evidenceRows.midBody).toBe(0);
    expect(retry).toEqual({ answer: '201', expected: '201', rows: 1 });
  });

  it('an upload killed right after it was sent is stored whole or not at all; its retry is idempotent', async () => {
    const retry = await retryUpload(
      files.sent,
      UPLOADED_TO,
      '2.0.0',
      killed.evidenceRows.sent,
    );
    table.add({
      fault: `SIGKILL after the last byte: evidence upload (${(
        files.sent.body.length / 1e6
      ).toFixed(1)} MB LCOV)`,
      checked:
        'rows of the file after the kill (0 or 1, with its evaluation); retry answers 201 if none, 200 if stored; rows after the retry',
      result: `${killed.evidenceRows.sent} rows; retry ${retry.answer}; ${
        retry.rows
      } row (lost 0, duplicates ${Math.max(retry.rows - 1, 0)})`,
    });
    expect([0, 1]).toContain(killed.evidenceRows.sent);
    expect(retry.answer).toBe(retry.expected);
    expect(retry.rows).toBe(1);
  });

  it('an upload killed inside its transaction leaves the release as it was; its retry is stored once', async () => {
    const retry = await retryUpload(
      files.inTransaction,
      ROLLED_OUT,
      '1.0.0',
      0,
    );
    const evaluationKept =
      killed.evaluationAfter?.getTime() === killed.evaluationBefore?.getTime();
    table.add({
      fault:
        'SIGKILL inside the upload transaction (evidence inserted, evaluation waiting on a row lock)',
      checked:
        'rows of the file and the release evaluation after the kill; retry; rows after the retry',
      result: `${killed.evidenceRows.inTransaction} rows, evaluation ${
        evaluationKept ? 'unchanged' : 'changed'
      }; retry ${retry.answer}; ${
        retry.rows
      } row (lost 0, duplicates ${Math.max(retry.rows - 1, 0)})`,
    });
    expect(killed.evidenceRows.inTransaction).toBe(0);
    expect(evaluationKept).toBe(true);
    expect(retry).toEqual({ answer: '201', expected: '201', rows: 1 });
  });

  const retryReport = async (rolloutId: number) => {
    const answer = await reportHealthy(rolloutId).outcome;
    return {
      answer: describeOutcome(answer),
      updated: errorBody(answer)?.updated,
      healthy: (await tenantsWithStatus(rolloutsDb, rolloutId, 'healthy'))
        .matching,
    };
  };

  it('a 1,000-tenant report killed right after it was sent is applied whole or not at all', async () => {
    const retry = await retryReport(rollouts.reportSent);
    table.add({
      fault: 'SIGKILL after the last byte: status report of 1,000 tenants',
      checked:
        'healthy tenants after the kill (0 or 1,000); retry; healthy after the retry',
      result: `${killed.healthy.reportSent} healthy; retry ${
        retry.answer
      } (updated ${retry.updated}); ${retry.healthy} healthy (lost ${
        TENANT_COUNT - retry.healthy
      })`,
    });
    expect([0, TENANT_COUNT]).toContain(killed.healthy.reportSent);
    expect(retry).toEqual({
      answer: '200',
      updated: TENANT_COUNT,
      healthy: TENANT_COUNT,
    });
  });

  it('a 1,000-tenant report killed inside its transaction leaves no status written', async () => {
    const retry = await retryReport(rollouts.reportInTransaction);
    table.add({
      fault: `SIGKILL inside the report transaction (${killed.writtenInTransaction} of 1,000 tenants written, the rest waiting on a row lock)`,
      checked:
        'healthy tenants after the kill (0); retry; healthy after the retry',
      result: `${killed.healthy.reportInTransaction} healthy; retry ${
        retry.answer
      } (updated ${retry.updated}); ${retry.healthy} healthy (lost ${
        TENANT_COUNT - retry.healthy
      })`,
    });
    expect(killed.writtenInTransaction).toBeGreaterThanOrEqual(500);
    expect(killed.healthy.reportInTransaction).toBe(0);
    expect(retry).toEqual({
      answer: '200',
      updated: TENANT_COUNT,
      healthy: TENANT_COUNT,
    });
  });

  /** Retries the advance: it advances a rollout the kill left at wave 0, and is refused at wave 1. */
  const retryAdvance = async (rolloutId: number) => {
    const answer = await advance(rolloutId).outcome;
    const body = errorBody(answer);
    const trail = await rolloutTrail(rolloutsDb, rolloutId);
    return {
      answer: describeOutcome(answer),
      refusedCleanly:
        answer.status === 409 &&
        body?.error?.name === 'ConflictError' &&
        body?.rollout?.currentWave === 1 &&
        body?.blockers?.some((b: { kind: string }) => b.kind === 'health'),
      trail,
    };
  };

  const advances = (trail: RolloutTrail) =>
    trail.events.filter(e => e.action === 'advance').length;

  it('an advance killed right after it was sent moves the wave at most once; its retry does not move it again', async () => {
    const before = killed.trails.advanceSent;
    const retry = await retryAdvance(rollouts.advanceSent);
    table.add({
      fault: 'SIGKILL after the last byte: wave advance',
      checked:
        'wave index after the kill (0 or 1) matches the trail; retry advances from 0 or is refused (409, health blocker) at 1; advances after the retry',
      result: `wave ${before.currentWave}, ${advances(
        before,
      )} advances; retry ${retry.answer}${
        retry.refusedCleanly ? ' (refused cleanly)' : ''
      }; wave ${retry.trail.currentWave}, ${advances(
        retry.trail,
      )} advance (duplicates ${Math.max(advances(retry.trail) - 1, 0)})`,
    });
    expect([0, 1]).toContain(before.currentWave);
    expect(trailIsWhole(before)).toBe(true);
    const retried = retry.refusedCleanly ? 'refused cleanly' : retry.answer;
    expect(retried).toBe(before.currentWave === 0 ? '200' : 'refused cleanly');
    expect(retry.trail.currentWave).toBe(1);
    expect(advances(retry.trail)).toBe(1);
    expect(trailIsWhole(retry.trail)).toBe(true);
  });

  it('an advance killed inside its transaction leaves the wave where it was', async () => {
    const before = killed.trails.advanceInTransaction;
    const retry = await retryAdvance(rollouts.advanceInTransaction);
    table.add({
      fault:
        'SIGKILL inside the advance transaction (wave index updated, trail INSERT waiting on a table lock)',
      checked:
        'wave index and trail after the kill; retry; advances after the retry',
      result: `wave ${before.currentWave}, ${advances(
        before,
      )} advances; retry ${retry.answer}; wave ${
        retry.trail.currentWave
      }, ${advances(retry.trail)} advance (duplicates ${Math.max(
        advances(retry.trail) - 1,
        0,
      )})`,
    });
    expect(before.currentWave).toBe(0);
    expect(trailIsWhole(before)).toBe(true);
    expect(retry.answer).toBe('200');
    expect(retry.trail.currentWave).toBe(1);
    expect(advances(retry.trail)).toBe(1);
  });
});

/** SQL, the database's or the driver's words: what an error answer must not pass on. */
const INTERNALS =
  /select |insert into|update "|terminating connection|Connection terminated|ECONN|node_modules/i;

/** An answer as `status name: message` (SQL and log ids elided), for the table. */
function errorAnswer(outcome: Outcome): string {
  const error = errorBody(outcome)?.error;
  if (!error) return describeOutcome(outcome);
  return `${outcome.status} ${error.name}: ${String(error.message)
    .replace(
      /^(select|insert|update|delete|begin|commit|rollback)\b[^]*? - /i,
      '<SQL> - ',
    )
    .replace(/logId=\w+/, 'logId=…')
    .slice(0, 100)}`;
}

/** A 503 ServiceUnavailableError whose message passes on nothing internal. */
function isCleanUnavailable(outcome: Outcome): boolean {
  const error = errorBody(outcome)?.error;
  return (
    outcome.status === 503 &&
    error?.name === 'ServiceUnavailableError' &&
    !INTERNALS.test(String(error.message))
  );
}

describe('database connections terminated during requests', () => {
  const routes = () => [
    `/api/tenant-rollouts/rollouts/${rollouts.reportSent}`,
    `/api/scorecards/entities/component/default/${ROLLED_OUT}/releases/1.0.0`,
    `/api/scorecards/entities/component/default/${ROLLED_OUT}/releases/1.0.0/gates/staging`,
    `/api/tenant-rollouts/rollouts/${rollouts.reportSent}/waves/0`,
  ];

  it('a request whose connection is terminated while it waits in the database gets a clean 503', async () => {
    // A status report held by a row lock, a release read held by a table lock.
    const rowLock = await rolloutsDb.transaction();
    await rowLock.raw(
      'SELECT 1 FROM tenant_rollouts_tenants WHERE rollout_id = ? AND tenant_ref = ? FOR UPDATE',
      [rollouts.reportSent, tenantRefs[0]],
    );
    const tableLock = await scorecardsDb.transaction();
    await tableLock.raw(
      'LOCK TABLE scorecards_releases IN ACCESS EXCLUSIVE MODE',
    );
    const write = reportHealthy(rollouts.reportSent, [tenantRefs[0]]).outcome;
    const read = call(portal.url, portal.token, 'GET', routes()[1]);
    await databases.waitForLockWaits('w2', [
      /^update "tenant_rollouts_tenants"/,
      /from "scorecards_releases"/,
    ]);
    const terminated = await databases.terminate('w2');
    const answers = { write: await write, read: await read };
    await rowLock.commit();
    await tableLock.commit();

    const problems = Object.entries(answers)
      .filter(([, outcome]) => !isCleanUnavailable(outcome))
      .map(([name, outcome]) => `${name}: ${errorAnswer(outcome)}`);
    const stacks = Object.values(answers).filter(
      outcome => errorBody(outcome)?.error?.stack,
    ).length;
    table.add({
      fault: `pg_terminate_backend of the backend's ${terminated} sessions while a status report and a release read wait on locks`,
      checked:
        'each answer is 503 ServiceUnavailableError whose message carries no SQL or driver text (error.stack: Backstage adds it to every error in development, as startWaybill runs the backend)',
      result: `write: ${errorAnswer(answers.write)}; read: ${errorAnswer(
        answers.read,
      )}; bodies with error.stack: ${stacks}`,
    });
    expect(problems).toEqual([]);
  });

  it('under connections terminated every 100 ms for 3 s, every request gets 2xx or a clean 503', async () => {
    const until = Date.now() + 3000;
    let terminated = 0;
    const terminations = (async () => {
      while (Date.now() < until) {
        terminated += await databases.terminate('w2');
        await sleep(100);
      }
    })();
    const answers: Outcome[] = [];
    const load = routes().map(async route => {
      while (Date.now() < until) {
        answers.push(await call(portal.url, portal.token, 'GET', route));
      }
    });
    const reports = (async () => {
      while (Date.now() < until) {
        answers.push(
          await reportHealthy(rollouts.reportSent, tenantRefs.slice(0, 50))
            .outcome,
        );
      }
    })();
    await Promise.all([terminations, reports, ...load]);

    const byAnswer = new Map<string, number>();
    for (const outcome of answers) {
      let key = errorAnswer(outcome);
      if (outcome.status >= 200 && outcome.status < 300) key = '2xx';
      else if (isCleanUnavailable(outcome)) key = 'clean 503';
      byAnswer.set(key, (byAnswer.get(key) ?? 0) + 1);
    }
    const other = [...byAnswer].filter(
      ([key]) => key !== '2xx' && key !== 'clean 503',
    );
    table.add({
      fault: `${terminated} sessions terminated in 3 s (every 100 ms) under ${answers.length} requests`,
      checked: 'every answer is 2xx or a clean 503',
      result: [...byAnswer]
        .map(([key, count]) => `${key}: ${count}`)
        .join(', '),
    });
    expect(other).toEqual([]);
  });

  it('recovers without a restart: the next requests answer 2xx', async () => {
    const answers: Outcome[] = [];
    for (let round = 0; round < 3; round++) {
      for (const route of routes()) {
        answers.push(await call(portal.url, portal.token, 'GET', route));
      }
      answers.push(
        await reportHealthy(rollouts.reportSent, tenantRefs.slice(0, 50))
          .outcome,
      );
    }
    const failed = answers.filter(a => a.status < 200 || a.status >= 300);
    table.add({
      fault: 'after the terminations stop (same backend process)',
      checked: `the next ${answers.length} requests (reads and status reports) answer 2xx`,
      result: `${answers.length - failed.length} of ${answers.length} 2xx${
        failed.length ? `; ${failed.map(errorAnswer).join(', ')}` : ''
      }`,
    });
    expect(failed.map(errorAnswer)).toEqual([]);
  });
});
