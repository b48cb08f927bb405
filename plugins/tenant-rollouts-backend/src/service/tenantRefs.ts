import { tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';

/**
 * Finds a rollout's tenant from a full ref, or a name or namespace/name as tooling may send it
 * (CDEvents carry the tenant as an environment id), case-insensitively. `refs` are the
 * rollout's tenant refs as planned. The planned refs are normalized the first time a ref is not
 * one of them exactly (deployment tooling mostly sends them as planned).
 */
export function tenantRefResolver(
  refs: Iterable<string>,
): (given: string) => string | undefined {
  const planned = new Set(refs);
  let byNormalized: Map<string, string> | undefined;
  return given => {
    if (planned.has(given)) return given;
    const ref = tryNormalizeEntityRef(given, { defaultKind: 'resource' });
    if (ref === undefined) return undefined;
    byNormalized ??= new Map(
      [...planned].map(p => [tryNormalizeEntityRef(p) ?? p.toLowerCase(), p]),
    );
    return byNormalized.get(ref);
  };
}
