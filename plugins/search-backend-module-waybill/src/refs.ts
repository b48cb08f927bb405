import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';

/**
 * How a search result names an entity: `inventory`, or `logistics/inventory` outside the default
 * namespace (the kind is left out, as the catalog's own results leave it out of their titles).
 */
export function displayName(ref: string): string {
  const { namespace, name } = parseEntityRef(ref);
  return namespace === DEFAULT_NAMESPACE ? name : `${namespace}/${name}`;
}

/** The catalog's page of an entity: `/catalog/:namespace/:kind/:name`, as the catalog collator links it. */
export function entityPagePath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const parts = [namespace, kind, name].map(part =>
    encodeURIComponent(part.toLowerCase()),
  );
  return `/catalog/${parts.join('/')}`;
}

/** `1 wave`, `2 waves`. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
