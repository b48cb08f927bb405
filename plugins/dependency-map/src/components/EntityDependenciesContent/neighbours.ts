import type {
  DependencyNeighbourhood,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { isTenantNode } from '../shared/nodeClasses';

/** A direct neighbour of the focus entity. */
export interface Neighbour {
  ref: string;
  title: string;
  kind: string;
  type?: string;
  relations: string[];
  /** True for a tenant: listed after the real consumers, and summed up until asked for. */
  tenant: boolean;
}

/**
 * The direct neighbours of the focus, with the relations that join them: the real consumers and
 * providers first, by title, then the tenants, by title.
 */
export function neighbours(
  view: DependencyNeighbourhood,
  direction: 'upstream' | 'downstream',
): Neighbour[] {
  const byRef = new Map<string, SubgraphNode>(view.nodes.map(n => [n.ref, n]));
  const result = new Map<string, Neighbour>();
  for (const edge of view.edges) {
    let other: string | undefined;
    if (direction === 'upstream' && edge.source === view.entityRef) {
      other = edge.target;
    } else if (direction === 'downstream' && edge.target === view.entityRef) {
      other = edge.source;
    }
    if (!other || other === view.entityRef || edge.type === 'partOf') continue;
    const node = byRef.get(other);
    const entry = result.get(other) ?? {
      ref: other,
      title: node?.title ?? other,
      kind: node?.kind ?? '',
      type: node?.type,
      relations: [],
      tenant: node ? isTenantNode(node) : false,
    };
    if (!entry.relations.includes(edge.type)) entry.relations.push(edge.type);
    result.set(other, entry);
  }
  return [...result.values()].sort(
    (a, b) =>
      Number(a.tenant) - Number(b.tenant) || a.title.localeCompare(b.title),
  );
}
