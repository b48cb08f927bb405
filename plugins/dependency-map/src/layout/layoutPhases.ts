/*
 * The phases of computeLayout (see layout.ts): index the input, layer the nodes, put them in
 * lanes, order each cell, then place everything.
 */
import {
  Digraph,
  createDigraph,
  stronglyConnectedComponents,
} from '@waybill/plugin-dependency-map-common';
import type {
  GraphLayout,
  LayoutInput,
  LayoutNode,
  PositionedEdge,
  PositionedLane,
  PositionedNode,
} from './layout';

/** Lane id for nodes without a business process. */
export const UNGROUPED_LANE = '';

function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The input as indices: nodes sorted by id (duplicates dropped), edges between them. */
export interface IndexedInput {
  byId: Map<string, LayoutNode>;
  ids: string[];
  n: number;
  /** [consumer, provider] pairs, deduplicated and sorted. */
  edgeList: [number, number][];
}

/** Nodes sorted by id, duplicates dropped, so the input order does not matter. */
export function indexInput(input: LayoutInput): IndexedInput {
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
  return { byId, ids, n, edgeList };
}

/** Each node's layer (deploy stage) and whether its component is a cycle. */
export interface Layering {
  layer: Int32Array;
  layerCount: number;
  componentOf: Int32Array;
  cyclic: Uint8Array;
}

/** Longest path over the condensation, in Tarjan's order (providers first). */
function componentLayers(
  input: LayoutInput,
  ids: string[],
  graph: Digraph,
  components: number[][],
  componentOf: ArrayLike<number>,
): Int32Array {
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
  return componentLayer;
}

/** Layers the nodes: providers left of their consumers, a cycle's members in one layer. */
export function layerNodes(
  input: LayoutInput,
  { ids, n, edgeList }: IndexedInput,
): Layering {
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
  const componentLayer = componentLayers(
    input,
    ids,
    graph,
    components,
    componentOf,
  );
  const layer = new Int32Array(n);
  let layerCount = 0;
  for (let v = 0; v < n; v++) {
    layer[v] = componentLayer[componentOf[v]];
    if (layer[v] + 1 > layerCount) layerCount = layer[v] + 1;
  }
  return { layer, layerCount, componentOf, cyclic };
}

/** The lanes shown, in order, and each node's lane index. */
export interface Lanes {
  laneIds: string[];
  laneTitles: Map<string, string>;
  lane: Int32Array;
}

/** Lanes: the listed ones in order, then any others by id, the ungrouped lane last. */
export function assignLanes(
  input: LayoutInput,
  { byId, ids, n }: IndexedInput,
): Lanes {
  const laneOfId = (id: string) => byId.get(id)!.lane ?? UNGROUPED_LANE;
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
    const lane = laneOfId(id);
    if (lane !== UNGROUPED_LANE && !laneTitles.has(lane)) extraLanes.add(lane);
  }
  for (const lane of [...extraLanes].sort(compareStrings)) {
    laneIds.push(lane);
    laneTitles.set(lane, lane);
  }
  const ungroupedUsed = ids.some(id => laneOfId(id) === UNGROUPED_LANE);
  if (ungroupedUsed && !laneTitles.has(UNGROUPED_LANE)) {
    laneIds.push(UNGROUPED_LANE);
    laneTitles.set(UNGROUPED_LANE, 'No business process');
  }
  // Lanes without nodes are left out.
  const usedLanes = new Set(ids.map(laneOfId));
  const shownLanes = laneIds.filter(id => usedLanes.has(id));
  const laneIndex = new Map<string, number>();
  shownLanes.forEach((id, i) => laneIndex.set(id, i));
  const lane = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    lane[v] = laneIndex.get(laneOfId(ids[v]))!;
  }
  return { laneIds: shownLanes, laneTitles, lane };
}

/** Undirected neighbours in other layers, for the barycentres, in CSR form. */
function crossLayerNeighbours(
  n: number,
  edgeList: [number, number][],
  layer: Int32Array,
): { neighbourOffsets: Int32Array; neighbours: Int32Array } {
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
  return { neighbourOffsets, neighbours };
}

/** Cells (lane-major, then layer), each ordered; and each node's position in its cell. */
export interface Cells {
  cells: number[][];
  order: Int32Array;
}

/**
 * Orders the nodes of each cell by the barycentre of their neighbours in the previous layer,
 * then the next, for `sweeps` sweeps. Cells start in id order.
 */
export function orderCells(
  { n, edgeList }: IndexedInput,
  { layer, layerCount }: Layering,
  { laneIds, lane }: Lanes,
  sweeps: number,
): Cells {
  const laneCount = laneIds.length;
  const cells: number[][] = Array.from(
    { length: laneCount * layerCount },
    () => [],
  );
  for (let v = 0; v < n; v++) cells[lane[v] * layerCount + layer[v]].push(v);
  const { neighbourOffsets, neighbours } = crossLayerNeighbours(
    n,
    edgeList,
    layer,
  );

  // A global rank per node: lane, then position in its cell; barycentres compare across lanes.
  const rank = new Float64Array(n);
  const order = new Int32Array(n);
  const updateRanks = (cell: number[], l: number) => {
    cell.forEach((v, i) => {
      order[v] = i;
      rank[v] = l * (n + 1) + i;
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
  return { cells, order };
}

/** Sizes of the drawing. */
export interface Dimensions {
  nodeWidth: number;
  nodeHeight: number;
  layerGap: number;
  rowGap: number;
  laneHeader: number;
}

/** Lanes stacked top to bottom, each as tall as its fullest cell. */
function placeLanes(
  { laneIds, laneTitles }: Lanes,
  { cells }: Cells,
  layerCount: number,
  size: Dimensions,
): { lanes: PositionedLane[]; laneTop: Float64Array; height: number } {
  const rowHeight = size.nodeHeight + size.rowGap;
  const lanes: PositionedLane[] = [];
  const laneTop = new Float64Array(laneIds.length);
  let y = 0;
  for (let l = 0; l < laneIds.length; l++) {
    let rows = 0;
    let count = 0;
    for (let k = 0; k < layerCount; k++) {
      const cellSize = cells[l * layerCount + k].length;
      rows = Math.max(rows, cellSize);
      count += cellSize;
    }
    const height = size.laneHeader + rows * rowHeight + size.rowGap;
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
  return { lanes, laneTop, height: y };
}

/** Coordinates of every lane, node and edge. */
export function positionLayout(
  indexed: IndexedInput,
  layering: Layering,
  lanesIn: Lanes,
  cells: Cells,
  size: Dimensions,
): GraphLayout {
  const { ids, edgeList } = indexed;
  const { layer, layerCount, componentOf, cyclic } = layering;
  const { lane } = lanesIn;
  const { order } = cells;
  const { lanes, laneTop, height } = placeLanes(
    lanesIn,
    cells,
    layerCount,
    size,
  );
  const rowHeight = size.nodeHeight + size.rowGap;
  const columnWidth = size.nodeWidth + size.layerGap;
  const nodes: PositionedNode[] = ids.map((id, v) => ({
    id,
    x: size.layerGap / 2 + layer[v] * columnWidth,
    y: laneTop[lane[v]] + size.laneHeader + order[v] * rowHeight,
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
    height,
    nodeWidth: size.nodeWidth,
    nodeHeight: size.nodeHeight,
  };
}
