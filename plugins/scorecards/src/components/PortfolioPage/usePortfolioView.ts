import { Dispatch, SetStateAction, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import {
  PortfolioView,
  searchParamsFromView,
  viewFromSearchParams,
} from './portfolioView';

/**
 * The portfolio's view, kept in the URL so that a link reproduces it.
 *
 * A change made on the page applies at once and is written to the address with
 * `history.replaceState`, as the catalog's own filters do: a router navigation would re-render
 * the whole app shell on every filter change (the browser benchmark measured 40-60 ms of it,
 * a fifth of the filter budget). A navigation the router makes (a link, back, forward) is
 * followed.
 */
export function usePortfolioView(): [
  PortfolioView,
  Dispatch<SetStateAction<PortfolioView>>,
] {
  const location = useLocation();
  const [view, setView] = useState(() =>
    viewFromSearchParams(new URLSearchParams(location.search)),
  );
  const viewKey = searchParamsFromView(view).toString();
  const written = useRef(viewKey);

  useEffect(() => {
    const next = viewFromSearchParams(new URLSearchParams(location.search));
    written.current = searchParamsFromView(next).toString();
    setView(next);
  }, [location.key, location.search]);

  useEffect(() => {
    if (viewKey !== written.current) {
      written.current = viewKey;
      const { pathname } = window.location;
      window.history.replaceState(
        window.history.state,
        '',
        viewKey ? `${pathname}?${viewKey}` : pathname,
      );
    }
  }, [viewKey]);

  return [view, setView];
}
