import { CatalogApi } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { entityOptionOf, entityQuery, searchTermOf } from './catalogSearch';

/** How long typing pauses before the catalog is asked. */
const SEARCH_DELAY_MS = 250;

/**
 * The rollable entities matching what was typed, searched in the catalog once typing pauses:
 * the first page only (`SEARCH_LIMIT`), with how many match in all. Every opening asks once
 * without a term, so the first entities show before anything is typed.
 */
export function useEntitySearch(catalogApi: CatalogApi, typed: string) {
  const [term, setTerm] = useState(() => searchTermOf(typed));
  useDebounce(() => setTerm(searchTermOf(typed)), SEARCH_DELAY_MS, [typed]);
  const search = useAsync(async () => {
    const { items, totalItems } = await catalogApi.queryEntities(
      entityQuery(term),
    );
    return { options: items.map(entityOptionOf), total: totalItems };
  }, [catalogApi, term]);
  return {
    ...search,
    term,
    /** Typing has not paused yet, or the catalog has not answered. */
    searching: search.loading || term !== searchTermOf(typed),
  };
}
