import {
  RunDescription,
  cell,
  formatMs,
  formatRatio,
  runHeaderLines,
  verdict,
} from '@waybill/bench-utils';
import { BROWSER_TARGETS, BrowserFigures } from './browser';
import { StepResult } from './measureStep';
import { QueryResult } from './queries';
import {
  renderGrowth,
  renderMemory,
  renderPeers,
  renderRefresh,
} from './reportSizes';

/** Targets of issue 17 (and of issue 5 for the queries and the page). */
export const TARGETS = {
  buildMs: 5000,
  queryP95Ms: 50,
  refreshP95Ms: 200,
  memoryBytes: 400 * 2 ** 20,
};

/** Everything one run measured. */
export interface BenchResult extends RunDescription {
  seed: number;
  /** Where the catalog keeps its entities (WAYBILL_BENCH_CATALOG_DB). */
  catalog: string;
  /** The process's resident memory once the backend started, before any entity. */
  rssAtStart: number;
  /** One per size, in increasing order. */
  steps: StepResult[];
  /** Chromium: the dependency map page, in a real portal. */
  browser?: BrowserFigures;
  /** Why the Chromium phase did not run, when it did not. */
  browserSkipped?: string;
}

export const n = (value: number) => value.toLocaleString('en-US');

/** The graph-build section of one size: ingest, the build's time and catalog requests, the plugin's own build. */
function renderBuild(step: StepResult): string[] {
  const { build } = step;
  const lines: string[] = [];
  lines.push(
    `Ingest of this step's entities (entity provider, processed and stitched by the catalog; not a target): ${formatMs(
      step.ingestMs,
    )}`,
  );
  const buildOk = build.build.max < TARGETS.buildMs;
  lines.push(
    `Build, CatalogDependencyGraph.refresh (${
      build.build.count
    } runs)  p50 ${formatMs(build.build.p50)}  max ${formatMs(
      build.build.max,
    )}   target < ${formatMs(TARGETS.buildMs)}  ${verdict(buildOk)}`,
  );
  lines.push(
    `  catalog reads (readEstateFromCatalog) p50 ${formatMs(
      build.read.p50,
    )}; buildDependencyGraph + findCycles (indexing) p50 ${formatMs(
      build.compute.p50,
    )}`,
  );
  const pages = Math.ceil(build.entitiesRead / 500);
  const requestsOk =
    build.catalogRequests <= pages + 1 &&
    build.catalogCalls === build.catalogRequests;
  lines.push(
    `  graph: ${n(build.nodeCount)} nodes, ${n(build.edgeCount)} edges, ${
      build.cycleCount
    } cycles, ${build.warningCount} warnings, from ${n(
      build.entitiesRead,
    )} entities in ${build.catalogRequests} queryEntities requests (${
      build.catalogCalls
    } counted on the service; ceil(entities / 500) = ${pages}, one more at most: the APIs are read apart)   target O(nodes / page size)  ${verdict(
      requestsOk,
    )}`,
  );
  const current = step.plugin.current;
  lines.push(
    `The plugin's own build on the catalog-changed event (the graph its routes served): ${
      current?.durationMs === undefined
        ? 'duration not available'
        : formatMs(current.durationMs)
    }, ${current?.catalogRequests ?? '?'} catalog requests, kind ${
      current?.kind ?? 'not available'
    }   target < ${formatMs(TARGETS.buildMs)}  ${verdict(
      (current?.durationMs ?? Infinity) < TARGETS.buildMs,
    )}`,
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

/** One size's section. */
function renderStep(step: StepResult): string[] {
  const { estate } = step;
  return [
    `== ${n(estate.nodes)} nodes: ${n(
      estate.catalogEntities,
    )} catalog entities, ${n(estate.edges)} edges (${estate.edgesByType
      .map(([type, count]) => `${type} ${n(count)}`)
      .join(', ')}); ${estate.businessProcesses} business processes; ${
      estate.plantedCycles
    } cycles ==`,
    ...renderBuild(step),
    ...renderMemory(step, TARGETS.memoryBytes),
    ...renderRefresh(step, TARGETS.refreshP95Ms),
    '',
    ...renderQueries(step.queries),
    '',
    ...renderPeers(step.peers),
  ];
}

/** The report as printed. */
export function render(result: BenchResult): string {
  const lines: string[] = [];
  const sizes = result.steps.map(s => n(s.size)).join(', ');
  lines.push(`Dependency map benchmark at ${sizes} nodes`);
  lines.push(...runHeaderLines(result));
  lines.push(
    `Catalog: @backstage/plugin-catalog-backend on ${result.catalog} (one catalog for every size, grown step by step by an entity provider), read over HTTP by the catalog client; seed ${result.seed}`,
  );
  lines.push(
    "@backstage/plugin-catalog-graph-backend: not run, it is not on npm (404 checked 2026-12-06); the peer is the catalog graph frontend's own loading.",
  );
  for (const step of result.steps) {
    lines.push('', ...renderStep(step));
  }
  lines.push('', ...renderGrowth(result.steps));
  lines.push('');
  if (result.browser) {
    lines.push(...renderBrowser(result.browser));
  } else {
    lines.push(
      `== Chromium: the map page: not run (${
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
  if (
    browser.estateNodes !== undefined &&
    browser.nodes < browser.estateNodes
  ) {
    lines.push(
      `NOTE: the page drew ${n(browser.nodes)} of the estate's ${n(
        browser.estateNodes,
      )} nodes: it asks for at most VIEW_MAX_NODES (plugins/dependency-map); the figures below are for what it drew, not for ${n(
        browser.estateNodes,
      )} nodes drawn`,
    );
  }
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
