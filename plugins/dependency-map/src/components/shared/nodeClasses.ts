import type { DependencyNode } from '@waybill/plugin-dependency-map-common';

/** Resource `spec.type`s read as data stores: hidden from the map unless asked for. */
export const DATA_STORE_TYPES: readonly string[] = [
  'database',
  'data-store',
  'datastore',
  'cache',
  'object-store',
];

type NodeKindAndType = Pick<DependencyNode, 'kind' | 'type' | 'tenant'>;

/** True for a tenant: a Resource of type `tenant` (whose labels the graph may have read). */
export function isTenantNode(node: NodeKindAndType): boolean {
  return (
    node.kind === 'resource' &&
    (node.tenant !== undefined || node.type === 'tenant')
  );
}

/** True for a data store: a Resource of one of the {@link DATA_STORE_TYPES}. */
export function isDataStoreNode(node: NodeKindAndType): boolean {
  return (
    node.kind === 'resource' &&
    node.type !== undefined &&
    DATA_STORE_TYPES.includes(node.type.toLowerCase())
  );
}

/** `1 tenant`, `44 tenants`. */
export function countOf(count: number, singular: string, plural: string) {
  return `${count} ${count === 1 ? singular : plural}`;
}
