import type { DependencyNode } from '@waybill/plugin-dependency-map-common';
import { parseEntityRef } from '@waybill/plugin-waybill-common';

/** Route params of an entity page for an entity ref, lower-cased like every ref Waybill stores. */
export function entityRouteParams(ref: string) {
  return parseEntityRef(ref);
}

/** `component:default/inventory` -> `inventory`; other kinds keep theirs (`api:pricing-api`). */
export function shortRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const ns = namespace === 'default' ? '' : `${namespace}/`;
  return kind === 'component' ? `${ns}${name}` : `${kind}:${ns}${name}`;
}

/** `Inventory (erp-module)`: how a node is named in labels and lists. */
export function describeNode(
  node: Pick<DependencyNode, 'title' | 'type' | 'kind'>,
) {
  return `${node.title} (${node.type ?? node.kind})`;
}
