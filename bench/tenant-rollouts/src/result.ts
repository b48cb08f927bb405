import { LatencySummary, RunDescription } from '@waybill/bench-utils';
import { FreezeWindow } from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { BoardAnswer, BoardReadResult } from './boardQuery';
import { BoardSetup } from './boardSetup';
import { EngineName } from './backend';
import { BrowserFigures } from './browser';
import { BreakdownRow } from './breakdown';
import { IngestCase } from './ingestCases';
import { LiveFigures } from './liveBoard';
import { WaveSize } from './plan';
import { HttpProblem } from './rolloutsApi';
import { WholeIngest } from './statusIngest';

/*
 * What a run measured, as printed by report.ts and written to results/latest.json.
 */

/**
 * The targets: the board query's p95 (every read, every size); every tenant's status reported in
 * under 5 s (the 20,000 reports); for a live board (issue 16), an idle one moving at least
 * 50 x fewer bytes a minute than today's 15 s poll of the whole board, and a status report shown
 * on it within 1 s on the p95. Planning, creating a rollout and actions are reported without one.
 */
export const TARGETS = {
  boardP95Ms: 100,
  wholeIngestMs: 5000,
  liveBytesRatio: 50,
  liveShownP95Ms: 1000,
};

/** What one engine measured at one size (a rollout of that many tenants). */
export interface SizeResult {
  tenants: number;
  setup: Omit<BoardSetup, 'waves' | 'flipTenant'>;
  board: {
    /** Whether the route answered a page of tenants; unpaged, the whole board is read. */
    paged: boolean;
    /** Each read of an unchanged rollout (paged: first page, failed page, deep page). */
    reads: BoardReadResult[];
    /** The first read, each right after a status change: the failure analysis is computed again. */
    afterChange: LatencySummary & { load: number };
    answer: BoardAnswer;
  };
  /** Every tenant of a second rollout reported, in requests as large as the route takes. */
  wholeIngest: WholeIngest & { createMs: number };
  /** At the first size only: the live board (bytes of an idle one, and latency). */
  live?: LiveFigures;
  /** At the first size only: status ingest case by case. */
  ingest?: IngestCase[];
}

/** What one engine (the rollouts plugin's database) measured, size by size. */
export interface EngineResult {
  engine: EngineName;
  /** e.g. `SQLite 3.x (better-sqlite3)`, `PostgreSQL 15.20`. */
  label: string;
  location: string;
  sizes: SizeResult[];
  /** HTTP answers that were not 2xx, with the total requests made. */
  problems: HttpProblem[];
  requests: number;
}

/** The generated data a run measured on. */
export interface BenchData {
  seed: number;
  tenants: number;
  catalogEntities: number;
  byRegion: Record<string, number>;
  dedicated: number;
  critical: number;
  freezeWindows: Array<{ id: string; scope: string; kind: string }>;
}

/** Everything one run measured. */
export interface BenchResult extends RunDescription {
  data: BenchData;
  /** The sizes measured, ascending (tenants of a rollout). */
  sizes: number[];
  /** The real catalog processing the entities (the largest size's tenants); not a target. */
  catalog: { ingestMs: number; entities: number };
  plan: Array<{
    tenants: number;
    latency: LatencySummary;
    waves: WaveSize[];
    runs: number;
  }>;
  breakdown: Array<{ tenants: number; rows: BreakdownRow[] }>;
  engines: EngineResult[];
  /** Engines not run, and why. */
  skipped: Partial<Record<EngineName, string>>;
  /** The Chromium phase: the rollout board page at the largest size in a real portal. */
  browser?: BrowserFigures;
  /** Why the Chromium phase did not run (`WAYBILL_BENCH_BROWSER=off`). */
  browserSkipped?: string;
}

/** What a Chromium-only run (`WAYBILL_BENCH_BROWSER=only`) measured. */
export interface BrowserOnlyResult extends RunDescription {
  browser: BrowserFigures;
}

/** A freeze window's scope in a few words: `region europe`, `25 tenants by name`. */
function scopeOf(window: FreezeWindow): string {
  return (
    Object.entries(window.scope)
      .map(([axis, values]) =>
        axis === 'tenants'
          ? `${values!.length} tenants by name`
          : `${axis} ${values!.join('/')}`,
      )
      .join(', ') || 'every tenant'
  );
}

/** The data a run measured on: tenants by region, tier and tenancy, and the freeze windows. */
export function describeData(options: {
  seed: number;
  tenants: Tenant[];
  catalogEntities: number;
  windows: FreezeWindow[];
}): BenchData {
  const { tenants, windows } = options;
  const byRegion: Record<string, number> = {};
  for (const t of tenants) byRegion[t.region] = (byRegion[t.region] ?? 0) + 1;
  return {
    seed: options.seed,
    tenants: tenants.length,
    catalogEntities: options.catalogEntities,
    byRegion,
    dedicated: tenants.filter(t => t.tenancy === 'dedicated').length,
    critical: tenants.filter(t => t.tier === 'critical').length,
    freezeWindows: windows.map(w => ({
      id: w.id,
      kind: w.schedule.kind,
      scope: scopeOf(w),
    })),
  };
}
