import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { shortRef } from './refs';

/** Titles of entities by ref; `titleOf` falls back to the short ref for the unknown. */
export interface EntityTitles {
  titleOf(ref: string): string;
  /** True while titles of refs outside `known` are being fetched. */
  loading: boolean;
}

/**
 * Titles of `refs`, taken from `known` (what the view already holds) and, for the rest (cycle
 * members outside the view), fetched from the graph one entity at a time (a neighbourhood of
 * depth 0), so an entity reads with the same title everywhere.
 */
export function useEntityTitles(
  refs: readonly string[],
  known: (ref: string) => string | undefined,
): EntityTitles {
  const api = useApi(dependencyMapApiRef);
  const missing = [...new Set(refs.filter(ref => !known(ref)))].sort();
  const key = missing.join(' ');
  const fetched = useAsync(async () => {
    const titles = new Map<string, string>();
    if (!key) return titles;
    await Promise.all(
      key.split(' ').map(async entityRef => {
        try {
          const around = await api.getNeighbourhood({
            entityRef,
            depth: 0,
            maxNodes: 1,
          });
          const node = around.nodes.find(n => n.ref === entityRef);
          if (node) titles.set(entityRef, node.title);
        } catch {
          // An entity the graph does not know keeps its short ref.
        }
      }),
    );
    return titles;
  }, [api, key]);
  const titles = fetched.value;
  return useMemo(
    () => ({
      titleOf: (ref: string) => known(ref) ?? titles?.get(ref) ?? shortRef(ref),
      loading: fetched.loading,
    }),
    [known, titles, fetched.loading],
  );
}
