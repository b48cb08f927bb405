import { tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';

/**
 * Finds a rollout's tenant from a full ref, or a name or namespace/name as tooling may send it
 * (CDEvents carry the tenant as an environment id), case-insensitively. `refs` are the
 * rollout's tenant refs as planned.
 */
export function tenantRefResolver(
  refs: Iterable<string>,
): (given: string) => string | undefined {
  const planned = new Set(refs);
  const byNormalized = new Map(
    [...planned].map(ref => [
      tryNormalizeEntityRef(ref) ?? ref.toLocaleLowerCase('en-US'),
      ref,
    ]),
  );
  return given => {
    if (planned.has(given)) return given;
    const ref = tryNormalizeEntityRef(given, { defaultKind: 'resource' });
    return ref === undefined ? undefined : byNormalized.get(ref);
  };
}
