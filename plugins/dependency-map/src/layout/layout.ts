/*
 * The dependency map's layered layout, a pure function so it runs in a Web Worker in the
 * browser and directly in tests.
 *
 * - Layers (columns, left to right) are deploy waves: longest-path layering over the
 *   condensation of the graph, so a provider sits left of every consumer and the members of a
 *   dependency cycle share a layer. `minLayers` may push nodes further right (e.g. the waves the
 *   backend computed with dependencies through entities outside the view).
 * - Lanes (horizontal bands, top to bottom) group the nodes by business process: each node goes
 *   in the lane of its first process, nodes without one in a last lane; empty lanes are left out.
 * - Within a lane and layer, nodes are ordered by the barycentre of their neighbours in the
 *   previous layer, then the next, for a few sweeps, which untangles most crossings.
 *
 * Linear in nodes + edges per sweep (plus the sorts within cells); deterministic: the same
 * input gives the same output, whatever the order of ties.
 */
import {
  createDigraph,
  stronglyConnectedComponents,
} from '@waybill/plugin-dependency-map-common';

/** A node to place. */
export interface LayoutNode {
  id: string;
  /** The lane (business process) it belongs to; `undefined` for the last, ungrouped lane. */
  lane?: string;
}

/** An edge that orders the layers: `source` needs `target`, so `target` goes left of `source`. */
export interface LayoutEdge {
  source: string;
  target: string;
}

/** A lane, as the caller names and orders it. */
export interface LayoutLaneInput {
  id: string;
  title: string;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Lanes in display order; lanes named by nodes but not listed come after, by id. */
  lanes?: LayoutLaneInput[];
  /** Lowest layer of some nodes, e.g. their deploy wave. */
  minLayers?: Record<string, number>;
  /** Ordering sweeps (down and up count as one each); default 4. */
  sweeps?: number;
  nodeWidth?: number;
  nodeHeight?: number;
  /** Horizontal gap between layers; default 60. */
  layerGap?: number;
  /** Vertical gap between nodes of a cell; default 10. */
  rowGap?: number;
  /** Room above each lane's first row for its title; default 32. */
  laneHeader?: number;
}

export interface PositionedNode {
  id: string;
  /** Top-left corner. */
  x: number;
  y: number;
  layer: number;
  lane: number;
  /** Position within its lane and layer, 0 at the top. */
  order: number;
  /** True when the node is in a dependency cycle (a strongly connected component of 2+ nodes, or a self-loop). */
  inCycle: boolean;
}

export interface PositionedLane {
  id: string;
  title: string;
  y: number;
  height: number;
  nodeCount: number;
}

export interface PositionedEdge {
  source: string;
  target: string;
  /** True when both ends are in one cycle: the edge cannot point rightwards. */
  inCycle: boolean;
}

export interface GraphLayout {
  nodes: PositionedNode[];
  edges: PositionedEdge[];
  lanes: PositionedLane[];
  layerCount: number;
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
}

/** Lane id for nodes without a business process. */
export const UNGROUPED_LANE = '';

function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Lays the graph out in layers (deploy waves) and lanes (business processes). */
export function computeLayout(input: LayoutInput): GraphLayout {
  const nodeWidth = input.nodeWidth ?? 170;
  const nodeHeight = input.nodeHeight ?? 28;
  const layerGap = input.layerGap ?? 60;
  const rowGap = input.rowGap ?? 10;
  const laneHeader = input.laneHeader ?? 32;
  const sweeps = input.sweeps ?? 4;

  // Nodes sorted by id, duplicates dropped, so the input order does not matter.
  const byId = new Map<string, LayoutNode>();
  for (const node of input.nodes) {
    if (!byId.has(node.id)) byId.set(node.id, node);
  }
  const ids = [...byId.keys()].sort(compareStrings);
  const n = ids.length;
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));

  // Edges between known nodes, deduplicated and sorted.
  const edgeKeys = new Set<string>();
  const edgeList: [number, number][] = [];
  for (const edge of input.edges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined) continue;
    const key = `${s} ${t}`;
    if (edgeKeys.has(key)) continue;
    edgeKeys.add(key);
    edgeList.push([s, t]);
  }
  edgeList.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  // Consumer -> provider: Tarjan completes providers first.
  const graph = createDigraph(
    n,
    edgeList.map(e => e[0]),
    edgeList.map(e => e[1]),
  );
  const { componentOf, components } = stronglyConnectedComponents(graph);
  const cyclic = new Uint8Array(components.length);
  components.forEach((members, c) => {
    if (members.length > 1) cyclic[c] = 1;
  });
  for (const [s, t] of edgeList) {
    if (s === t) cyclic[componentOf[s]] = 1;
  }

  // Longest path over the condensation, in Tarjan's order (providers first).
  const componentLayer = new Int32Array(components.length);
  for (let c = 0; c < components.length; c++) {
    let layer = 0;
    for (const v of components[c]) {
      const hint = input.minLayers?.[ids[v]];
      if (hint !== undefined && hint > layer) layer = Math.floor(hint);
      for (let slot = graph.offsets[v]; slot < graph.offsets[v + 1]; slot++) {
        const w = graph.targets[slot];
        const d = componentOf[w];
        if (d !== c && componentLayer[d] + 1 > layer) {
          layer = componentLayer[d] + 1;
        }
      }
    }
    componentLayer[c] = layer;
  }
  const layer = new Int32Array(n);
  let layerCount = 0;
  for (let v = 0; v < n; v++) {
    layer[v] = componentLayer[componentOf[v]];
    if (layer[v] + 1 > layerCount) layerCount = layer[v] + 1;
  }

  // Lanes: the listed ones in order, then any others by id, the ungrouped lane last.
  const laneIds: string[] = [];
  const laneTitles = new Map<string, string>();
  for (const lane of input.lanes ?? []) {
    if (!laneTitles.has(lane.id)) {
      laneIds.push(lane.id);
      laneTitles.set(lane.id, lane.title);
    }
  }
  const extraLanes = new Set<string>();
  for (const id of ids) {
    const lane = byId.get(id)!.lane ?? UNGROUPED_LANE;
    if (lane !== UNGROUPED_LANE && !laneTitles.has(lane)) extraLanes.add(lane);
  }
  for (const lane of [...extraLanes].sort(compareStrings)) {
    laneIds.push(lane);
    laneTitles.set(lane, lane);
  }
  const ungroupedUsed = ids.some(
    id => (byId.get(id)!.lane ?? UNGROUPED_LANE) === UNGROUPED_LANE,
  );
  if (ungroupedUsed && !laneTitles.has(UNGROUPED_LANE)) {
    laneIds.push(UNGROUPED_LANE);
    laneTitles.set(UNGROUPED_LANE, 'No business process');
  }
  // Lanes without nodes are left out.
  const usedLanes = new Set(
    ids.map(id => byId.get(id)!.lane ?? UNGROUPED_LANE),
  );
  const shownLanes = laneIds.filter(id => usedLanes.has(id));
  laneIds.length = 0;
  laneIds.push(...shownLanes);
  const laneIndex = new Map<string, number>();
  laneIds.forEach((id, i) => laneIndex.set(id, i));
  const lane = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    lane[v] = laneIndex.get(byId.get(ids[v])!.lane ?? UNGROUPED_LANE)!;
  }

  // Cells: lane-major, then layer; each starts in id order.
  const laneCount = laneIds.length;
  const cells: number[][] = Array.from(
    { length: laneCount * layerCount },
    () => [],
  );
  for (let v = 0; v < n; v++) cells[lane[v] * layerCount + layer[v]].push(v);

  // Undirected neighbours in other layers, for the barycentres.
  const neighbourOffsets = new Int32Array(n + 1);
  for (const [s, t] of edgeList) {
    if (layer[s] !== layer[t]) {
      neighbourOffsets[s + 1]++;
      neighbourOffsets[t + 1]++;
    }
  }
  for (let v = 0; v < n; v++) neighbourOffsets[v + 1] += neighbourOffsets[v];
  const neighbours = new Int32Array(neighbourOffsets[n]);
  const fill = neighbourOffsets.slice(0, n);
  for (const [s, t] of edgeList) {
    if (layer[s] !== layer[t]) {
      neighbours[fill[s]++] = t;
      neighbours[fill[t]++] = s;
    }
  }

  // A global rank per node: lane, then position in its cell; barycentres compare across lanes.
  const rank = new Float64Array(n);
  const order = new Int32Array(n);
  const laneBase = (l: number) => l * (n + 1);
  const updateRanks = (cell: number[], l: number) => {
    cell.forEach((v, i) => {
      order[v] = i;
      rank[v] = laneBase(l) + i;
    });
  };
  for (let l = 0; l < laneCount; l++) {
    for (let k = 0; k < layerCount; k++)
      updateRanks(cells[l * layerCount + k], l);
  }

  const barycentre = new Float64Array(n);
  const sortCell = (cell: number[], towardLower: boolean) => {
    for (const v of cell) {
      let sum = 0;
      let count = 0;
      for (let i = neighbourOffsets[v]; i < neighbourOffsets[v + 1]; i++) {
        const w = neighbours[i];
        if (towardLower ? layer[w] < layer[v] : layer[w] > layer[v]) {
          sum += rank[w];
          count++;
        }
      }
      // Nodes without such neighbours keep their place.
      barycentre[v] = count > 0 ? sum / count : rank[v];
    }
    cell.sort((a, b) => barycentre[a] - barycentre[b] || rank[a] - rank[b]);
  };
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const down = sweep % 2 === 0;
    for (let step = 0; step < layerCount; step++) {
      const k = down ? step : layerCount - 1 - step;
      for (let l = 0; l < laneCount; l++) {
        const cell = cells[l * layerCount + k];
        if (cell.length > 1) sortCell(cell, down);
        updateRanks(cell, l);
      }
    }
  }

  // Coordinates: a lane is as tall as its fullest cell.
  const rowHeight = nodeHeight + rowGap;
  const lanes: PositionedLane[] = [];
  const laneTop = new Float64Array(laneCount);
  let y = 0;
  for (let l = 0; l < laneCount; l++) {
    let rows = 0;
    let count = 0;
    for (let k = 0; k < layerCount; k++) {
      const size = cells[l * layerCount + k].length;
      rows = Math.max(rows, size);
      count += size;
    }
    const height = laneHeader + rows * rowHeight + rowGap;
    laneTop[l] = y;
    lanes.push({
      id: laneIds[l],
      title: laneTitles.get(laneIds[l])!,
      y,
      height,
      nodeCount: count,
    });
    y += height;
  }
  const columnWidth = nodeWidth + layerGap;
  const nodes: PositionedNode[] = ids.map((id, v) => ({
    id,
    x: layerGap / 2 + layer[v] * columnWidth,
    y: laneTop[lane[v]] + laneHeader + order[v] * rowHeight,
    layer: layer[v],
    lane: lane[v],
    order: order[v],
    inCycle: cyclic[componentOf[v]] === 1,
  }));
  const edges: PositionedEdge[] = edgeList.map(([s, t]) => ({
    source: ids[s],
    target: ids[t],
    inCycle: componentOf[s] === componentOf[t] && cyclic[componentOf[s]] === 1,
  }));

  return {
    nodes,
    edges,
    lanes,
    layerCount,
    width: Math.max(layerCount, 1) * columnWidth,
    height: y,
    nodeWidth,
    nodeHeight,
  };
}
