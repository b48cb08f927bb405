import { useApi } from '@backstage/core-plugin-api';
import type {
  DependencySubgraph,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { useCallback, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { LayoutInput } from '../../layout/layout';
import { useGraphLayout } from '../../layout/useGraphLayout';
import { useEntityTitles } from '../shared/useEntityTitles';
import type { DrawnEdge } from './graphScene';
import { shownClasses, visibleSubgraph } from './hiddenNodes';
import { ViewParams } from './viewParams';
import {
  cyclesInView,
  deployOrderInView,
  filterOptions,
  legendTypes,
  searchMatches,
} from './viewDerived';

/** Most nodes a view asks for: the page is built to stay usable at this size. */
export const VIEW_MAX_NODES = 5000;

/** A view as the backend answers it. */
export type MapView = DependencySubgraph & { totalNodes?: number };

/**
 * What the page loads: the business processes (a one-node estate request carries them all),
 * the view the URL asks for, and the estate's deploy order (one request per visit).
 */
export function useDependencyMapData(params: ViewParams) {
  const api = useApi(dependencyMapApiRef);
  const processes = useAsync(
    async () => (await api.getEstate({ maxNodes: 1 })).processes,
    [api],
  );
  const viewKey = JSON.stringify([
    params.process,
    params.entity,
    params.depth,
    params.direction,
    params.filter,
  ]);
  const view = useAsync(async (): Promise<MapView> => {
    const filter = params.filter;
    if (params.entity) {
      return api.getNeighbourhood({
        entityRef: params.entity,
        depth: params.depth,
        direction: params.direction,
        maxNodes: VIEW_MAX_NODES,
        ...filter,
        businessProcesses: params.process ? [params.process] : undefined,
      });
    }
    if (params.process) {
      return api.getBusinessProcessGraph({
        process: params.process,
        maxNodes: VIEW_MAX_NODES,
        ...filter,
      });
    }
    return api.getEstate({ maxNodes: VIEW_MAX_NODES, ...filter });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, viewKey]);
  const estateOrder = useAsync(() => api.getDeployOrder(), [api]);
  return { processes, view, estateOrder };
}

/** The page's data. */
export type DependencyMapData = ReturnType<typeof useDependencyMapData>;

/** The view laid out: lanes by business process (the chosen one first for shared nodes). */
function useViewLayout(
  params: ViewParams,
  data: DependencyMapData,
  view: MapView | undefined,
) {
  const { processes } = data;
  const processRef = params.process
    ? processes.value?.find(
        p => p.name === params.process || p.ref === params.process,
      )?.ref
    : undefined;
  const layoutInput = useMemo((): LayoutInput | undefined => {
    if (!view) return undefined;
    const laneOf = (node: SubgraphNode) =>
      processRef && node.businessProcesses.includes(processRef)
        ? processRef
        : node.businessProcesses[0];
    return {
      nodes: view.nodes.map(node => ({
        id: node.ref,
        lane: laneOf(node),
      })),
      edges: view.edges.filter(e => e.type !== 'partOf'),
      lanes: (processes.value ?? []).map(p => ({ id: p.ref, title: p.title })),
    };
  }, [view, processes.value, processRef]);
  return useGraphLayout(layoutInput);
}

/**
 * The loaded view without what it does not show (tenants and data stores, by default), and what
 * that left out.
 */
function useVisibleView(params: ViewParams, view: MapView | undefined) {
  const shown = shownClasses(params);
  const { tenants, dataStores } = shown;
  return useMemo(() => {
    if (!view) return undefined;
    const visible = visibleSubgraph(
      view,
      { tenants, dataStores },
      params.entity,
    );
    return { ...visible, refs: new Set(visible.view.nodes.map(n => n.ref)) };
  }, [view, tenants, dataStores, params.entity]);
}

/** The cycles touching the view, their members, and titles for all of them (in view or not). */
function useCycles(
  view: MapView | undefined,
  order: ReturnType<typeof deployOrderInView> | undefined,
  nodes: Map<string, SubgraphNode>,
) {
  const cycles = useMemo(() => cyclesInView(view, order), [view, order]);
  const cycleMembers = useMemo(() => new Set(cycles.flat()), [cycles]);
  const knownTitle = useCallback(
    (ref: string) => nodes.get(ref)?.title,
    [nodes],
  );
  const titles = useEntityTitles(
    useMemo(() => [...cycleMembers], [cycleMembers]),
    knownTitle,
  );
  return { cycles, cycleMembers, titles };
}

/** Everything the page shows of the loaded view: nodes, layout, stages, cycles, search. */
export function useDependencyMapView(
  params: ViewParams,
  data: DependencyMapData,
) {
  const { view, estateOrder } = data;
  const nodes = useMemo(
    () => new Map((view.value?.nodes ?? []).map(n => [n.ref, n])),
    [view.value],
  );
  const visible = useVisibleView(params, view.value);
  const shownView = visible?.view;
  const order = useMemo(
    () =>
      estateOrder.value && shownView
        ? deployOrderInView(estateOrder.value, shownView)
        : undefined,
    [estateOrder.value, shownView],
  );
  const layout = useViewLayout(params, data, shownView);
  const drawnEdges = useMemo(
    (): DrawnEdge[] =>
      (shownView?.edges ?? []).map(e => ({
        source: e.source,
        target: e.target,
        type: e.type,
        inCycle: Boolean(e.inCycle),
      })),
    [shownView],
  );
  const { cycles, cycleMembers, titles } = useCycles(shownView, order, nodes);
  const search = params.search.trim().toLowerCase();
  const matches = useMemo(
    () => searchMatches(shownView, search),
    [shownView, search],
  );
  const options = useMemo(
    () => filterOptions(view.value, params.filter.types, params.filter.owners),
    [view.value, params.filter.types, params.filter.owners],
  );
  const legend = useMemo(() => legendTypes(shownView), [shownView]);
  const focusNode = params.entity
    ? [...nodes.values()].find(n => n.distance === 0)
    : undefined;
  return {
    nodes,
    shownView,
    shownRefs: visible?.refs,
    hidden: visible?.hidden,
    titles,
    order,
    layout,
    drawnEdges,
    cycles,
    cycleMembers,
    matches,
    options,
    legend,
    focusNode,
  };
}

/** What {@link useDependencyMapView} answers. */
export type DependencyMapViewState = ReturnType<typeof useDependencyMapView>;
