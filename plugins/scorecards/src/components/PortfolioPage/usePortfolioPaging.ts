import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { PortfolioView, searchParamsFromView } from './portfolioView';

/**
 * The page of the portfolio on screen, paged by the backend's cursor: the cursors of the pages
 * visited in this view, and stable handlers to the next and previous page that read the latest
 * state (so that the memoized table renders again only when its data changes). A new view
 * starts again at its first page.
 */
export function usePortfolioPaging(view: PortfolioView, pageSize: number) {
  const api = useApi(scorecardsApiRef);
  const viewKey = searchParamsFromView(view).toString();
  const [paging, setPaging] = useState<{
    viewKey: string;
    cursors: Array<string | undefined>;
  }>({ viewKey, cursors: [undefined] });
  const cursors = useMemo(
    () => (paging.viewKey === viewKey ? paging.cursors : [undefined]),
    [paging, viewKey],
  );
  const cursor = cursors[cursors.length - 1];

  const page = useAsync(
    () =>
      api.getPortfolio({
        ...view.filter,
        sort: view.sort,
        limit: pageSize,
        cursor,
      }),
    [api, viewKey, cursor, pageSize],
  );

  const latest = useRef({
    cursors,
    viewKey,
    nextCursor: page.value?.nextCursor,
  });
  latest.current = { cursors, viewKey, nextCursor: page.value?.nextCursor };
  const onNext = useCallback(() => {
    const { cursors: visited, nextCursor, viewKey: key } = latest.current;
    setPaging({ viewKey: key, cursors: [...visited, nextCursor] });
  }, []);
  const onPrevious = useCallback(() => {
    const { cursors: visited, viewKey: key } = latest.current;
    setPaging({ viewKey: key, cursors: visited.slice(0, -1) });
  }, []);

  return { page, pageIndex: cursors.length - 1, onNext, onPrevious };
}
