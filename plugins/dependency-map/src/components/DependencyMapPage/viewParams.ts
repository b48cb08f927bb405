import {
  DEPENDENCY_DIRECTIONS,
  DEPENDENCY_EDGE_TYPES,
  DependencyDirection,
  DependencyEdgeType,
  GraphFilter,
} from '@waybill/plugin-dependency-map-common';
import { useSearchParams } from 'react-router-dom';

/** The view's state, all in the URL so a view can be linked. */
export interface ViewParams {
  process?: string;
  entity?: string;
  depth: number;
  direction: DependencyDirection;
  filter: GraphFilter;
  search: string;
  /** What is hidden by default and shown on request (`show=tenants,data-stores`). */
  show: { tenants: boolean; dataStores: boolean };
}

/** Values of the `show` parameter: the node classes hidden unless listed. */
export const SHOW_TENANTS = 'tenants';
export const SHOW_DATA_STORES = 'data-stores';

/** Changes to the URL's view parameters; an empty value removes one. */
export type ViewParamsUpdate = (
  changes: Record<string, string | string[] | undefined>,
) => void;

const list = (value: string | null) =>
  value ? value.split(',').filter(Boolean) : [];

/** Reads the view from the URL's search parameters, falling back to defaults for bad values. */
export function readParams(search: URLSearchParams): ViewParams {
  const depth = Number(search.get('depth') ?? 2);
  const direction = search.get('direction') as DependencyDirection;
  const show = list(search.get('show'));
  return {
    process: search.get('process') || undefined,
    entity: search.get('entity') || undefined,
    depth: Number.isInteger(depth) && depth >= 0 && depth <= 20 ? depth : 2,
    direction: DEPENDENCY_DIRECTIONS.includes(direction) ? direction : 'both',
    filter: {
      kinds: list(search.get('kind')),
      types: list(search.get('type')),
      owners: list(search.get('owner')),
      relations: list(search.get('relation')).filter(
        (r): r is DependencyEdgeType =>
          DEPENDENCY_EDGE_TYPES.includes(r as DependencyEdgeType),
      ),
    },
    search: search.get('q') ?? '',
    show: {
      tenants: show.includes(SHOW_TENANTS),
      dataStores: show.includes(SHOW_DATA_STORES),
    },
  };
}

/** The `show` parameter with one class of nodes shown or hidden. */
export function showParam(
  show: ViewParams['show'],
  changes: Partial<ViewParams['show']>,
): string[] {
  const next = { ...show, ...changes };
  return [
    ...(next.tenants ? [SHOW_TENANTS] : []),
    ...(next.dataStores ? [SHOW_DATA_STORES] : []),
  ];
}

/** The view parameters of the URL, and how to change them (replacing the history entry). */
export function useViewParams(): {
  params: ViewParams;
  update: ViewParamsUpdate;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const update: ViewParamsUpdate = changes => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      const text = Array.isArray(value) ? value.join(',') : value;
      if (text) next.set(key, text);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };
  return { params: readParams(searchParams), update };
}
