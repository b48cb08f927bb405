import {
  LatencySummary,
  RunDescription,
  cell,
  formatMs,
  formatRatio,
  runHeaderLines,
  verdict,
} from '@waybill/bench-utils';
import { BROWSER_TARGETS, BrowserFigures } from './browser';
import { BuildResult } from './build';
import { CatalogMode } from './catalog';
import { QueryResult } from './queries';

/** Targets of issue 5. */
export const TARGETS = {
  buildMs: 2000,
  queryP95Ms: 50,
};

/** Everything one run measured. */
export interface BenchResult extends RunDescription {
  estate: {
    seed: number;
    catalogEntities: number;
    nodes: number;
    edges: number;
    edgesByType: Array<[string, number]>;
    plantedCycles: number;
    businessProcesses: number;
  };
  catalog: {
    mode: CatalogMode;
    /** Why the real catalog was not used, when it was asked for. */
    fallback?: string;
    /** Time for the real catalog to process and stitch the estate; not a target. */
    ingestMs?: number;
    pageSize: number;
  };
  build: Omit<BuildResult, 'snapshot'>;
  /** The same build from catalogServiceMock, when the main one used the real catalog. */
  mockBuild?: Omit<BuildResult, 'snapshot'>;
  perEntity: { perRequest: LatencySummary; extrapolatedMs: number };
  /** The plugin's own build, the graph its routes served. */
  pluginBuild: {
    durationMs: number;
    catalogRequests: number;
    nodeCount: number;
    edgeCount: number;
  };
  queries: QueryResult[];
  /** Chromium: the dependency map page with about 2,000 nodes, in a real portal. */
  browser?: BrowserFigures;
  /** Why the Chromium phase did not run, when it did not. */
  browserSkipped?: string;
}

const n = (value: number) => value.toLocaleString('en-US');

/** Catalog requests per build against the target, and what one request per entity would cost. */
function renderCatalogRequests(result: BenchResult): string[] {
  const lines: string[] = [];
  const { catalog, build } = result;
  const pages = Math.ceil(build.entitiesRead / catalog.pageSize);
  const requestsOk =
    build.catalogRequests <= pages + 1 &&
    build.catalogCalls === build.catalogRequests;
  lines.push(
    `Catalog requests per build: ${
      build.catalogRequests
    } queryEntities (pages of ${catalog.pageSize}; ${
      build.catalogCalls
    } calls counted on the service); ceil(${n(build.entitiesRead)} / ${
      catalog.pageSize
    }) = ${pages}   target O(nodes / page size)  ${verdict(requestsOk)}`,
  );
  lines.push(
    `  one request per entity would make ${n(
      build.entitiesRead,
    )}: ${formatRatio(
      build.entitiesRead / build.catalogRequests,
    )} as many; at the ${formatMs(result.perEntity.perRequest.mean)} mean of ${
      result.perEntity.perRequest.count
    } getEntityByRef calls here, about ${formatMs(
      result.perEntity.extrapolatedMs,
    )} of requests one after the other (${formatRatio(
      result.perEntity.extrapolatedMs / build.read.p50,
    )} the paged read)`,
  );
  return lines;
}

/** The graph-build section: the catalog, the build's time and catalog requests, the plugin's own build. */
function renderBuild(result: BenchResult): string[] {
  const lines: string[] = [];
  const { catalog, build } = result;
  const source =
    catalog.mode === 'real'
      ? 'the real catalog backend (@backstage/plugin-catalog-backend, SQLite in memory), read through the catalog service over HTTP'
      : 'catalogServiceMock (in process, no HTTP, no database)';
  lines.push(`== Graph build from the catalog: ${source} ==`);
  if (catalog.fallback) lines.push(`NOTE: ${catalog.fallback}`);
  if (catalog.ingestMs !== undefined) {
    lines.push(
      `Ingest (entity provider, processed and stitched by the catalog; not a target): ${formatMs(
        catalog.ingestMs,
      )}`,
    );
  }
  const buildOk = build.build.p50 < TARGETS.buildMs;
  lines.push(
    `Build, CatalogDependencyGraph.refresh (${
      build.build.count
    } runs)  p50 ${formatMs(build.build.p50)}  max ${formatMs(
      build.build.max,
    )}   target < ${formatMs(TARGETS.buildMs)}  ${verdict(
      buildOk,
    )} (${formatRatio(TARGETS.buildMs / build.build.p50)} under)`,
  );
  lines.push(
    `  catalog reads (readEstateFromCatalog)           p50 ${formatMs(
      build.read.p50,
    )}`,
  );
  lines.push(
    `  buildDependencyGraph + findCycles (indexing)    p50 ${formatMs(
      build.compute.p50,
    )}`,
  );
  lines.push(
    `  graph: ${n(build.nodeCount)} nodes, ${n(build.edgeCount)} edges, ${
      build.cycleCount
    } cycles (${result.estate.plantedCycles} planted), ${
      build.warningCount
    } warnings, from ${n(build.entitiesRead)} entities`,
  );
  lines.push(...renderCatalogRequests(result));
  if (result.mockBuild) {
    lines.push(
      `Same build from catalogServiceMock (no HTTP, no database)  p50 ${formatMs(
        result.mockBuild.build.p50,
      )}, ${result.mockBuild.catalogRequests} requests, ${n(
        result.mockBuild.edgeCount,
      )} edges`,
    );
  }
  lines.push(
    `The plugin's own build (event-triggered; the graph its routes served): ${formatMs(
      result.pluginBuild.durationMs,
    )}, ${result.pluginBuild.catalogRequests} catalog requests, ${n(
      result.pluginBuild.nodeCount,
    )} nodes, ${n(result.pluginBuild.edgeCount)} edges`,
  );
  return lines;
}

/** The queries section: pure and HTTP latencies per query against the target. */
function renderQueries(queries: QueryResult[]): string[] {
  const lines: string[] = [];
  lines.push(
    `== Queries on the built graph: p50 / p95 per call, target p95 < ${TARGETS.queryP95Ms} ms ==`,
  );
  lines.push(
    `${cell('query', 32)}${cell('n', 5, true)}${cell(
      'pure p50',
      11,
      true,
    )}${cell('p95', 10, true)}${cell('HTTP p50', 11, true)}${cell(
      'p95',
      10,
      true,
    )}${cell('body', 9, true)}  verdict  answers`,
  );
  for (const q of queries) {
    const worst = Math.max(q.pure?.p95 ?? 0, q.http?.p95 ?? 0);
    const body =
      q.httpBytes === undefined ? '' : `${(q.httpBytes / 1024).toFixed(0)} KB`;
    lines.push(
      `${cell(q.name, 32)}${cell(
        String(q.pure?.count ?? q.http?.count ?? ''),
        5,
        true,
      )}${cell(q.pure ? formatMs(q.pure.p50) : '-', 11, true)}${cell(
        q.pure ? formatMs(q.pure.p95) : '-',
        10,
        true,
      )}${cell(q.http ? formatMs(q.http.p50) : '-', 11, true)}${cell(
        q.http ? formatMs(q.http.p95) : '-',
        10,
        true,
      )}${cell(body, 9, true)}  ${cell(
        verdict(worst < TARGETS.queryP95Ms),
        7,
      )}  ${[q.answers, q.httpNote ? `HTTP: ${q.httpNote}` : undefined]
        .filter(Boolean)
        .join('; ')}`,
    );
  }
  lines.push(
    "HTTP: the plugin's routes in the same backend, one request at a time over localhost (auth, permission, validation, query, JSON); body = median response size.",
  );
  return lines;
}

/** The report as printed. */
export function render(result: BenchResult): string {
  const lines: string[] = [];
  const { estate } = result;
  lines.push(`Dependency map benchmark at ${n(estate.nodes)} nodes`);
  lines.push(...runHeaderLines(result));
  lines.push(
    `Estate (seed ${estate.seed}): ${n(
      estate.catalogEntities,
    )} catalog entities -> ${n(estate.nodes)} nodes, ${n(
      estate.edges,
    )} edges (${estate.edgesByType
      .map(([type, count]) => `${type} ${n(count)}`)
      .join(', ')}); ${estate.businessProcesses} business processes; ${
      estate.plantedCycles
    } cycles planted`,
  );

  lines.push('');
  lines.push(...renderBuild(result));

  lines.push('');
  lines.push(...renderQueries(result.queries));

  lines.push('');
  if (result.browser) {
    lines.push(...renderBrowser(result.browser));
  } else {
    lines.push(
      `== Chromium: layout and drawing of 2,000 nodes: not run (${
        result.browserSkipped ?? 'WAYBILL_BENCH_BROWSER=off'
      }) ==`,
    );
  }
  return lines.join('\n');
}

/** The Chromium section of the report. */
export function renderBrowser(browser: BrowserFigures): string[] {
  const lines: string[] = [];
  const drawnOk = browser.drawn.max < BROWSER_TARGETS.drawnMs;
  const taskOk = browser.longestTaskMs <= BROWSER_TARGETS.longestTaskMs;
  lines.push(
    `== Chromium: /dependency-map with ${n(browser.nodes)} nodes, ${n(
      browser.edges,
    )} edges (${browser.renderer}), real portal, ${
      browser.runs
    } page loads after a warm-up ==`,
  );
  lines.push(
    `Portal catalog ingest until the plugin's graph held the estate (not a target): ${formatMs(
      browser.ingestMs,
    )}`,
  );
  lines.push(
    `Navigation start to graph laid out and painted   p50 ${formatMs(
      browser.drawn.p50,
    )}  max ${formatMs(browser.drawn.max)}   target < ${n(
      BROWSER_TARGETS.drawnMs,
    )} ms  ${verdict(drawnOk)}${
      drawnOk
        ? ` (${formatRatio(BROWSER_TARGETS.drawnMs / browser.drawn.max)} under)`
        : ''
    }`,
  );
  lines.push(
    `  estate response received to painted             p50 ${formatMs(
      browser.afterEstate.p50,
    )}  max ${formatMs(browser.afterEstate.max)}`,
  );
  lines.push(
    `  the page's "Laid out in" (${browser.ranIn})     p50 ${formatMs(
      browser.layout.p50,
    )}  max ${formatMs(browser.layout.max)}`,
  );
  lines.push(
    `Longest main-thread block, navigation to painted  ${formatMs(
      browser.longestTaskMs,
    )} (per run: ${browser.longestTaskPerRun
      .map(ms => formatMs(ms))
      .join(', ')})   target <= ${BROWSER_TARGETS.longestTaskMs} ms  ${verdict(
      taskOk,
    )}`,
  );
  lines.push(
    `  long tasks (> 50 ms) per load: ${browser.longTasksPerRun.toFixed(
      1,
    )}; from the estate response to painted: ${browser.longTasksAfterEstatePerRun.toFixed(
      1,
    )}, longest ${formatMs(browser.longestTaskAfterEstateMs)}`,
  );
  return lines;
}
