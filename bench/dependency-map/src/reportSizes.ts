import {
  cell,
  formatGrowthStep,
  formatMs,
  formatRatio,
  growthSteps,
  verdict,
} from '@waybill/bench-utils';
import { StepResult } from './measureStep';
import { PeerQuestion, PeerSide } from './peerComparison';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const kb = (bytes: number) =>
  bytes >= 2 ** 20 ? mb(bytes) : `${(bytes / 1024).toFixed(1)} KB`;

/** The graph's memory, as the plugin estimates it, and the process's resident memory. */
export function renderMemory(step: StepResult, targetBytes: number): string[] {
  const memory = step.plugin.memoryBytes;
  return [
    `Graph memory (/status memoryBytes): ${
      memory === undefined
        ? 'not available (this version of the plugin does not answer it)'
        : mb(memory)
    }   target < ${mb(targetBytes)}  ${
      memory === undefined ? 'n/a' : verdict(memory < targetBytes)
    }; process RSS ${mb(
      step.rssBytes,
    )} (catalog, plugin and benchmark share the process)`,
  ];
}

/** Changed entities from the catalog-changed event to the plugin's graph. */
export function renderRefresh(step: StepResult, targetMs: number): string[] {
  const { refresh } = step;
  const counts = [
    refresh.buildsDuring === undefined
      ? undefined
      : `${refresh.buildsDuring} builds`,
    refresh.patchesDuring === undefined
      ? 'patches not available'
      : `${refresh.patchesDuring} patches`,
  ].filter(Boolean);
  return [
    `Incremental refresh, event to graph (${
      refresh.latency.count
    } changed entities, delta mutation then event with eventPayload.entityRefs)  p50 ${formatMs(
      refresh.latency.p50,
    )}  p95 ${formatMs(refresh.latency.p95)}   target p95 < ${formatMs(
      targetMs,
    )}  ${verdict(refresh.latency.p95 < targetMs)}`,
    `  served by: ${refresh.servedKind}; during the changes: ${counts.join(
      ', ',
    )}; the catalog's own processing before each event (not counted) p50 ${formatMs(
      refresh.catalogMs.p50,
    )}`,
  ];
}

function peerCells(label: string, side: PeerSide): string {
  return `  ${cell(label, 15)}${cell(String(side.requests), 9, true)}${cell(
    kb(side.bytes),
    11,
    true,
  )}${cell(String(side.nodes), 8, true)}${cell(
    formatMs(side.time.p50),
    10,
    true,
  )}${cell(formatMs(side.time.p95), 10, true)}`;
}

/** Waybill and the catalog graph, the same questions: requests, bytes, time, and the ratios. */
export function renderPeers(peers: PeerQuestion[]): string[] {
  const lines = [
    "== The same questions to Backstage's catalog graph (0.6.8: getEntitiesByRefs per depth level, real CatalogClient over HTTP) ==",
    `  ${cell('side', 15)}${cell('requests', 9, true)}${cell(
      'bytes',
      11,
      true,
    )}${cell('nodes', 8, true)}${cell('p50', 10, true)}${cell(
      'p95',
      10,
      true,
    )}   (per question; medians)`,
  ];
  for (const q of peers) {
    lines.push(`${q.name} (${q.questions} questions)`);
    lines.push(`${peerCells('Waybill', q.waybill)}   ${q.asked.waybill}`);
    lines.push(
      `${peerCells('catalog graph', q.catalogGraph)}   ${q.asked.catalogGraph}`,
    );
    lines.push(
      `  catalog graph / Waybill: requests ${formatRatio(
        q.catalogGraph.requests / q.waybill.requests,
      )}, bytes ${formatRatio(
        q.catalogGraph.bytes / q.waybill.bytes,
      )}, time p50 ${formatRatio(
        q.catalogGraph.time.p50 / q.waybill.time.p50,
      )}`,
    );
  }
  return lines;
}

/** The figures followed across sizes, each read from a size's result. */
function growthFigures(
  steps: StepResult[],
): Array<[string, (s: StepResult) => number | undefined, 'ms' | 'bytes']> {
  const peer =
    (name: string, side: 'waybill' | 'catalogGraph') => (s: StepResult) =>
      s.peers.find(p => p.name === name)?.[side].time.p50;
  const figures: Array<
    [string, (s: StepResult) => number | undefined, 'ms' | 'bytes']
  > = [
    ['build p50', s => s.build.build.p50, 'ms'],
    ['  catalog reads p50', s => s.build.read.p50, 'ms'],
    ['  graph + cycles p50', s => s.build.compute.p50, 'ms'],
    ["plugin's own build", s => s.plugin.current?.durationMs, 'ms'],
    ['graph memory (/status)', s => s.plugin.memoryBytes, 'bytes'],
    ['process RSS', s => s.rssBytes, 'bytes'],
    ['refresh, event to graph p95', s => s.refresh.latency.p95, 'ms'],
  ];
  for (const q of steps[0]?.queries ?? []) {
    const query = (st: StepResult) => st.queries.find(x => x.name === q.name);
    figures.push([`${q.name}, pure p95`, s => query(s)?.pure?.p95, 'ms']);
    if (q.http) {
      figures.push([`${q.name}, HTTP p95`, s => query(s)?.http?.p95, 'ms']);
    }
  }
  for (const name of ['neighbourhood, depth 2', 'whole estate']) {
    figures.push([`${name}: Waybill p50`, peer(name, 'waybill'), 'ms']);
    figures.push([
      `${name}: catalog graph p50`,
      peer(name, 'catalogGraph'),
      'ms',
    ]);
  }
  return figures;
}

/** Each figure at every size, and its growth factor from one size to the next. */
export function renderGrowth(steps: StepResult[]): string[] {
  if (steps.length < 2) {
    return ['== Growth: one size only (WAYBILL_BENCH_SIZES lists more) =='];
  }
  const lines = [
    '== Growth: figure at each size; from one size to the next, x figure ratio (f = figure ratio / size ratio; 1 is linear, SUPER-LINEAR above 1.3) ==',
    `${cell('figure', 42)}${steps
      .map(s => cell(`${s.size / 1000}k`, 11, true))
      .join('')}   growth`,
  ];
  const superLinear: string[] = [];
  for (const [label, read, unit] of growthFigures(steps)) {
    const values = steps.map(read);
    const format = (v: number | undefined) => {
      if (v === undefined) return 'n/a';
      return unit === 'ms' ? formatMs(v) : mb(v);
    };
    const growth = growthSteps(
      steps.map((s, i) => ({ size: s.size, value: values[i] ?? NaN })),
    );
    if (growth.some(g => g.superLinear)) superLinear.push(label.trim());
    lines.push(
      `${cell(label, 42)}${values
        .map(v => cell(format(v), 11, true))
        .join('')}   ${growth.map(formatGrowthStep).join(', ')}`,
    );
  }
  lines.push(
    `Faster than linear in at least one step: ${
      superLinear.length ? superLinear.join('; ') : 'none'
    }`,
  );
  return lines;
}
