import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { scorecardsApiRef } from '../../api';
import { CatalogReleases } from './catalogReleases';
import {
  loadCatalogReleases,
  loadedCatalogReleases,
} from './loadCatalogReleases';

/** The catalog's view of the portfolio: loading (neither field), loaded, or failed. */
export interface CatalogReleasesState {
  releases?: CatalogReleases;
  error?: Error;
}

/**
 * The latest scored release of every entity, shared by the catalog's columns and its filter
 * through one cached load (`loadCatalogReleases`).
 */
export function useCatalogReleases(): CatalogReleasesState {
  const api = useApi(scorecardsApiRef);
  const [state, setState] = useState<CatalogReleasesState>(() => ({
    releases: loadedCatalogReleases(api),
  }));
  useEffect(() => {
    let current = true;
    loadCatalogReleases(api).then(
      releases => {
        if (current)
          setState(s => (s.releases === releases ? s : { releases }));
      },
      error => {
        if (current) setState({ error });
      },
    );
    return () => {
      current = false;
    };
  }, [api]);
  return state;
}
