import type { DependencyEdgeType } from '@waybill/plugin-dependency-map-common';
import type { PositionedNode } from '../../layout/layout';
import { CYCLE_COLOUR, MATCH_COLOUR } from '../shared/colours';

/** Pan and zoom of the drawing: translate by x, y, then scale by k. */
export interface Transform {
  x: number;
  y: number;
  k: number;
}

const MIN_ZOOM = 0.03;
const MAX_ZOOM = 3;

/** A zoom factor kept within what stays readable and findable. */
export const clampZoom = (k: number) =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** Text cut to `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The SVG path of an edge from the provider (left) to the consumer (right). */
export function edgePath(
  provider: PositionedNode,
  consumer: PositionedNode,
  w: number,
  h: number,
): string {
  if (provider.layer === consumer.layer) {
    // Same layer (a cycle or a self-loop): an arc out to the right.
    const x = provider.x + w;
    const y1 = provider.y + h / 2;
    const y2 = consumer.y + h / 2;
    const bulge = 40 + Math.min(Math.abs(y2 - y1) / 4, 60);
    return `M${x},${y1} C${x + bulge},${y1} ${x + bulge},${y2} ${x},${y2}`;
  }
  const x1 = provider.x + w;
  const y1 = provider.y + h / 2;
  const x2 = consumer.x;
  const y2 = consumer.y + h / 2;
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

/** The dash pattern of an edge type: events dashed, structure and tenants dotted. */
export function dashOf(type: DependencyEdgeType): string | undefined {
  if (type === 'subscribesTo') return '6 4';
  if (type === 'servedBy' || type === 'partOf') return '2 4';
  return undefined;
}

/** The outline of a node: black when selected or focused, then search match, then cycle. */
export function outlineOf(
  emphasised: boolean,
  matched: boolean,
  inCycle: boolean,
) {
  if (emphasised) return '#000';
  if (matched) return MATCH_COLOUR;
  if (inCycle) return CYCLE_COLOUR;
  return undefined;
}

/** Width of the badge summing up a node's hidden tenants, drawn inside its right end. */
export const BADGE_WIDTH = 62;

/** The text of a node: its title, cut shorter when a badge shares the node. */
export function nodeLabel(title: string, hasBadge: boolean) {
  return truncate(title, hasBadge ? 15 : 24);
}

/** The badge of a node serving hidden tenants: `44 tenants`. */
export function tenantBadge(count: number | undefined): string | undefined {
  if (!count) return undefined;
  return `${count} ${count === 1 ? 'tenant' : 'tenants'}`;
}
