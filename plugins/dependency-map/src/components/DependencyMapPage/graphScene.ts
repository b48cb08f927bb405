import type {
  DependencyEdgeType,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { useRef } from 'react';
import type { GraphLayout, PositionedNode } from '../../layout/layout';

/*
 * What a drawing of the graph shows, read alike by the SVG and the canvas renderers: the laid-out
 * graph, and what is marked on it.
 */

/** An edge to draw, with its relation type. */
export interface DrawnEdge {
  source: string;
  target: string;
  type: DependencyEdgeType;
  inCycle: boolean;
}

/** The laid-out graph: positions, the nodes' data and the edges. */
export interface GraphContent {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  edges: DrawnEdge[];
}

/** What is marked on the nodes: outlines and the tenant badge. */
export interface GraphMarks {
  focusRef?: string;
  selectedRef?: string;
  /** Refs matching the search, outlined. */
  matches?: Set<string>;
  /**
   * Refs in a dependency cycle (of the ordering relations), including cycles through entities
   * outside the view; without it, the layout's own cycles (over every drawn relation) are used.
   */
  cycleMembers?: Set<string>;
  /** Hidden tenants each node serves, summed up on it ("44 tenants"). */
  hiddenTenants?: Map<string, number>;
}

/** Everything a drawing shows, with the node positions by id. */
export interface GraphScene extends GraphContent, GraphMarks {
  positioned: Map<string, PositionedNode>;
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return (
    keys.length === Object.keys(b).length &&
    keys.every(key => Object.is(a[key], b[key]))
  );
}

/**
 * `value`, or the object of an earlier render while each of its fields is the same (`Object.is`),
 * so what depends on it (a memo, a callback, an effect) changes only when one of them does.
 */
export function useStableFields<T extends object>(value: T): T {
  const kept = useRef(value);
  if (!sameFields(kept.current, value)) kept.current = value;
  return kept.current;
}
