import { parseEntityRef } from '@backstage/catalog-model';
import type { DependencyNode } from '@waybill/plugin-dependency-map-common';

/** Route params of an entity page for a full entity ref. */
export function entityRouteParams(ref: string) {
  const { kind, namespace, name } = parseEntityRef(ref);
  return { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
}

/** `component:default/inventory` -> `inventory`; other kinds keep theirs (`api:pricing-api`). */
export function shortRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const ns = namespace === 'default' ? '' : `${namespace}/`;
  return kind.toLocaleLowerCase('en-US') === 'component'
    ? `${ns}${name}`
    : `${kind.toLocaleLowerCase('en-US')}:${ns}${name}`;
}

/** `Inventory (erp-module)`: how a node is named in labels and lists. */
export function describeNode(
  node: Pick<DependencyNode, 'title' | 'type' | 'kind'>,
) {
  return `${node.title} (${node.type ?? node.kind})`;
}
