import type { DependencySubgraph } from '@waybill/plugin-dependency-map-common';
import {
  DATA_STORE_TYPES,
  isDataStoreNode,
  isTenantNode,
} from '../shared/nodeClasses';
import type { ViewParams } from './viewParams';

/** What a view leaves out by default, and the tenants each shown node serves. */
export interface HiddenNodes {
  tenants: number;
  dataStores: number;
  /** For each node in view, how many hidden tenants it serves (their `servedBy` edges). */
  tenantsByNode: Map<string, number>;
}

/** Whether the view shows tenants and data stores: asked for, or their type filtered on. */
export function shownClasses(params: Pick<ViewParams, 'show' | 'filter'>) {
  const types = (params.filter.types ?? []).map(t => t.toLowerCase());
  return {
    tenants: params.show.tenants || types.includes('tenant'),
    dataStores:
      params.show.dataStores || types.some(t => DATA_STORE_TYPES.includes(t)),
  };
}

/**
 * The view without the tenants and data stores it does not show (the focus entity always
 * stays), with the edges between what is left, and what was hidden: counts, and each remaining
 * node's hidden tenants, so their fan-out can be summed up on it.
 */
export function visibleSubgraph<T extends DependencySubgraph>(
  view: T,
  shown: { tenants: boolean; dataStores: boolean },
  focusRef?: string,
): { view: T; hidden: HiddenNodes } {
  const hidden: HiddenNodes = {
    tenants: 0,
    dataStores: 0,
    tenantsByNode: new Map(),
  };
  const hiddenTenants = new Set<string>();
  const hiddenRefs = new Set<string>();
  for (const node of view.nodes) {
    if (node.ref === focusRef) continue;
    if (!shown.tenants && isTenantNode(node)) {
      hidden.tenants++;
      hiddenTenants.add(node.ref);
      hiddenRefs.add(node.ref);
    } else if (!shown.dataStores && isDataStoreNode(node)) {
      hidden.dataStores++;
      hiddenRefs.add(node.ref);
    }
  }
  if (hiddenRefs.size === 0) return { view, hidden };
  const served = new Map<string, Set<string>>();
  for (const edge of view.edges) {
    if (!hiddenTenants.has(edge.source) || hiddenRefs.has(edge.target)) {
      continue;
    }
    const tenants = served.get(edge.target) ?? new Set<string>();
    tenants.add(edge.source);
    served.set(edge.target, tenants);
  }
  for (const [ref, tenants] of served) {
    hidden.tenantsByNode.set(ref, tenants.size);
  }
  return {
    view: {
      ...view,
      nodes: view.nodes.filter(n => !hiddenRefs.has(n.ref)),
      edges: view.edges.filter(
        e => !hiddenRefs.has(e.source) && !hiddenRefs.has(e.target),
      ),
    },
    hidden,
  };
}
