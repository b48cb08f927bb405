/*
 * The dependency map's layered layout, a pure function so it runs in a Web Worker in the
 * browser and directly in tests.
 *
 * - Layers (columns, left to right) are deploy stages: longest-path layering over the
 *   condensation of the graph, so a provider sits left of every consumer and the members of a
 *   dependency cycle share a layer. `minLayers` may push nodes further right (e.g. the stages the
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
  Dimensions,
  assignLanes,
  indexInput,
  layerNodes,
  orderCells,
  positionLayout,
} from './layoutPhases';

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
  /** Lowest layer of some nodes, e.g. their deploy stage. */
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

export { UNGROUPED_LANE } from './layoutPhases';

/** Lays the graph out in layers (deploy stages) and lanes (business processes). */
export function computeLayout(input: LayoutInput): GraphLayout {
  const size: Dimensions = {
    nodeWidth: input.nodeWidth ?? 170,
    nodeHeight: input.nodeHeight ?? 28,
    layerGap: input.layerGap ?? 60,
    rowGap: input.rowGap ?? 10,
    laneHeader: input.laneHeader ?? 32,
  };
  const indexed = indexInput(input);
  const layering = layerNodes(input, indexed);
  const lanes = assignLanes(input, indexed);
  const cells = orderCells(indexed, layering, lanes, input.sweeps ?? 4);
  return positionLayout(indexed, layering, lanes, cells, size);
}
