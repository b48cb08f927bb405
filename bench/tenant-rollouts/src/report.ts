import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  LatencySummary,
  Machine,
  formatMs,
  formatRatio,
} from '@waybill/bench-utils';
import { BoardAnswer, BoardSetup, HttpProblem, IngestCase } from './api';
import { EngineName } from './backend';
import { BreakdownRow } from './breakdown';
import { WaveSize } from './plan';

/** The targets: the board query's p95. Planning and ingest are reported without one. */
export const TARGETS = {
  boardP95Ms: 100,
};

/** What one engine (the rollouts plugin's database) measured. */
export interface EngineResult {
  engine: EngineName;
  /** e.g. `SQLite 3.x (better-sqlite3)`, `PostgreSQL 15.20`. */
  label: string;
  location: string;
  setup: Omit<BoardSetup, 'waves' | 'flipTenant'>;
  board: {
    /** Repeated reads of an unchanged rollout. */
    latency: LatencySummary;
    /** Reads each right after a status change: the failure analysis is computed again. */
    afterChange: LatencySummary;
    bytes: number;
    answer: BoardAnswer;
  };
  ingest: IngestCase[];
  /** HTTP answers that were not 2xx, with the total requests made. */
  problems: HttpProblem[];
  requests: number;
}

/** Everything one run measured. */
export interface BenchResult {
  date: string;
  tree: string;
  machine: Machine;
  loadAtEnd: number;
  wallSeconds: number;
  data: {
    seed: number;
    tenants: number;
    catalogEntities: number;
    byRegion: Record<string, number>;
    dedicated: number;
    critical: number;
    freezeWindows: Array<{ id: string; scope: string; kind: string }>;
  };
  /** The real catalog processing the entities; not a target. */
  catalog: { ingestMs: number };
  plan: { latency: LatencySummary; waves: WaveSize[]; runs: number };
  breakdown: BreakdownRow[];
  engines: EngineResult[];
  /** Engines not run, and why. */
  skipped: Partial<Record<EngineName, string>>;
  /**
   * Reserved for the Chromium phase (the rollout board page rendering 5,000 tenants in a real
   * portal); see README.md, "Extension: a Chromium phase".
   */
  browser?: unknown;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const cell = (text: string, width: number, right = false) =>
  right ? text.padStart(width) : text.padEnd(width);
const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;

function boardVerdict(latency: LatencySummary): string {
  const ok = latency.p95 < TARGETS.boardP95Ms;
  return `${verdict(ok)} (${formatRatio(
    ok ? TARGETS.boardP95Ms / latency.p95 : latency.p95 / TARGETS.boardP95Ms,
  )} ${ok ? 'under' : 'over'})`;
}

/** The report as printed. */
export function render(result: BenchResult): string {
  const lines: string[] = [];
  const { machine, data } = result;
  lines.push(
    `Tenant rollouts benchmark at ${n(data.tenants)} tenants x ${
      result.plan.waves.length
    } waves`,
  );
  lines.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage} at start, ${result.loadAtEnd} at end`,
  );
  lines.push(
    `Date: ${result.date}; tree ${
      result.tree
    }; wall time ${result.wallSeconds.toFixed(0)} s`,
  );
  lines.push(
    `Tenants (seed ${data.seed}): ${n(data.tenants)} (${Object.entries(
      data.byRegion,
    )
      .map(([region, count]) => `${region} ${n(count)}`)
      .join(', ')}; ${n(data.dedicated)} dedicated, ${n(
      data.critical,
    )} critical), all depending on the released service; ${
      data.catalogEntities
    } catalog entities`,
  );
  lines.push(
    `Freeze windows: ${data.freezeWindows
      .map(w => `${w.id} (${w.kind}, ${w.scope})`)
      .join('; ')}`,
  );
  lines.push(
    `Catalog ingest (the real catalog backend processing and stitching the entities; not a target): ${formatMs(
      result.catalog.ingestMs,
    )}`,
  );

  lines.push('');
  lines.push(
    `== Plan: planRollout, ${n(data.tenants)} tenants, ${
      result.plan.waves.length
    } waves (pure, ${result.plan.runs} runs) ==`,
  );
  lines.push(
    `p50 ${formatMs(result.plan.latency.p50)}  p95 ${formatMs(
      result.plan.latency.p95,
    )}  max ${formatMs(result.plan.latency.max)}   (no target)`,
  );
  lines.push(
    `waves: ${result.plan.waves
      .map(
        (w, i) =>
          `${i} ${w.name} ${n(w.tenants)}${
            w.reasons.remainder ? ` (${n(w.reasons.remainder)} remainder)` : ''
          }`,
      )
      .join(', ')}`,
  );

  lines.push('');
  lines.push(
    `== Board query: GET /api/tenant-rollouts/rollouts/:id over HTTP, target p95 < ${TARGETS.boardP95Ms} ms ==`,
  );
  for (const e of result.engines) {
    const { latency, afterChange, bytes } = e.board;
    const line = (what: string, l: LatencySummary) =>
      lines.push(
        `${cell(`${e.engine}, ${what}`, 32)} n ${cell(
          String(l.count),
          3,
        )} p50 ${cell(formatMs(l.p50), 8, true)}  p95 ${cell(
          formatMs(l.p95),
          8,
          true,
        )}  max ${cell(formatMs(l.max), 8, true)}  body ${kb(
          bytes,
        )}  ${boardVerdict(l)}`,
      );
    line('unchanged', latency);
    line('after a status change', afterChange);
  }
  lines.push(
    `  unchanged: the same rollout read again and again (the plugin may answer its failure analysis from cache); after a status change: one status reported before each read, so the analysis is computed again`,
  );
  for (const e of result.engines) {
    lines.push(`  ${e.engine}: ${e.label}, the plugin's data in ${e.location}`);
  }
  const first = result.engines[0];
  if (first) {
    const a = first.board.answer;
    lines.push(
      `  the board: ${a.state} at wave ${a.currentWave}, ${n(
        a.tenants,
      )} tenants (${Object.entries(a.statuses)
        .map(([status, count]) => `${status} ${n(count)}`)
        .join(', ')}), ${n(a.frozen)} frozen; analysis: ${a.summary}`,
    );
    lines.push(
      `  getting there through the API: POST /rollouts ${formatMs(
        first.setup.createMs,
      )} (catalog read, plan, ${n(data.tenants)} rows); start + ${
        first.setup.actionMs.count - 1
      } advances p50 ${formatMs(first.setup.actionMs.p50)} each; ${n(
        first.setup.reported,
      )} statuses in ${first.setup.reportRequests} reports`,
    );
    for (const e of result.engines.slice(1)) {
      lines.push(
        `  ${e.engine}: POST /rollouts ${formatMs(
          e.setup.createMs,
        )}; actions p50 ${formatMs(e.setup.actionMs.p50)}; same answer: ${
          JSON.stringify(e.board.answer) === JSON.stringify(a) ? 'yes' : 'NO'
        }`,
      );
    }
  }
  lines.push(
    `Where the time goes: the board's pure computations on the same data, in process (not over HTTP)`,
  );
  for (const row of result.breakdown) {
    lines.push(
      `  ${cell(row.name, 64)} p50 ${cell(
        formatMs(row.latency.p50),
        9,
        true,
      )}  p95 ${cell(formatMs(row.latency.p95), 9, true)}  ${row.answer}`,
    );
  }

  lines.push('');
  lines.push(
    `== Status ingest: POST /api/tenant-rollouts/rollouts/:id/tenants/status (statuses per second; no target) ==`,
  );
  const engines = result.engines;
  lines.push(
    `${cell('case', 28)}${engines
      .map(
        e =>
          `${cell(`${e.engine} statuses/s`, 20, true)}${cell(
            'req p50',
            10,
            true,
          )}${cell('p95', 10, true)}`,
      )
      .join('')}`,
  );
  for (const [i, c] of (engines[0]?.ingest ?? []).entries()) {
    lines.push(
      `${cell(c.name, 28)}${engines
        .map(e => {
          const x = e.ingest[i];
          return `${cell(n(x.perSecond), 20, true)}${cell(
            formatMs(x.latency.p50),
            10,
            true,
          )}${cell(formatMs(x.latency.p95), 10, true)}`;
        })
        .join('')}`,
    );
  }
  lines.push(
    `  one request at a time except the concurrent case; each case sends ${engines[0]?.ingest
      .map(c => `${c.requests}`)
      .join(' / ')} requests (${
      engines[0]?.engine ?? ''
    }); tenants as full refs, CDEvents and "by name" as bare names`,
  );

  for (const e of engines) {
    if (e.problems.length > 0) {
      lines.push(
        `NOTE ${e.engine}: ${e.problems.length} of ${
          e.requests
        } requests answered non-2xx: ${e.problems
          .slice(0, 3)
          .map(p => `${p.request} ${p.status} ${p.body.slice(0, 160)}`)
          .join(' | ')}`,
      );
    }
  }
  for (const [engine, why] of Object.entries(result.skipped)) {
    lines.push(`SKIPPED ${engine}: ${why}`);
  }

  lines.push('');
  lines.push('== Summary ==');
  lines.push(
    `${cell('figure', 48)}${cell('value', 22, true)}  ${cell(
      'target',
      14,
    )}verdict`,
  );
  const row = (name: string, value: string, target: string, v: string) =>
    lines.push(
      `${cell(name, 48)}${cell(value, 22, true)}  ${cell(target, 14)}${v}`,
    );
  row('plan, planRollout p95', formatMs(result.plan.latency.p95), 'none', '-');
  for (const e of engines) {
    row(
      `board query p95, ${e.engine}`,
      formatMs(e.board.latency.p95),
      `< ${TARGETS.boardP95Ms} ms`,
      boardVerdict(e.board.latency),
    );
    row(
      `board query p95 after a status change, ${e.engine}`,
      formatMs(e.board.afterChange.p95),
      `< ${TARGETS.boardP95Ms} ms`,
      boardVerdict(e.board.afterChange),
    );
  }
  for (const e of engines) {
    for (const c of e.ingest) {
      row(`ingest ${c.name}, ${e.engine}`, `${n(c.perSecond)} /s`, 'none', '-');
    }
  }
  for (const [engine] of Object.entries(result.skipped)) {
    row(
      `board query p95, ${engine}`,
      'not run',
      `< ${TARGETS.boardP95Ms} ms`,
      'SKIPPED',
    );
  }
  return lines.join('\n');
}

/** Writes the figures to results/latest.json; answers the file. */
export async function writeResult(
  packageDir: string,
  result: BenchResult,
): Promise<string> {
  const dir = join(packageDir, 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
