import { useApi } from '@backstage/core-plugin-api';
import type {
  DependencySubgraph,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { LayoutInput } from '../../layout/layout';
import { useGraphLayout } from '../../layout/useGraphLayout';
import type { DrawnEdge } from './GraphView';
import { ViewParams } from './viewParams';
import {
  cyclesInView,
  deployOrderInView,
  filterOptions,
  legendTypes,
  searchMatches,
} from './viewDerived';

/** Most nodes a view asks for: the page is built to stay usable at this size. */
export const VIEW_MAX_NODES = 2000;

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
function useViewLayout(params: ViewParams, data: DependencyMapData) {
  const { view, processes } = data;
  const processRef = params.process
    ? processes.value?.find(
        p => p.name === params.process || p.ref === params.process,
      )?.ref
    : undefined;
  const layoutInput = useMemo((): LayoutInput | undefined => {
    if (!view.value) return undefined;
    const laneOf = (node: SubgraphNode) =>
      processRef && node.businessProcesses.includes(processRef)
        ? processRef
        : node.businessProcesses[0];
    return {
      nodes: view.value.nodes.map(node => ({
        id: node.ref,
        lane: laneOf(node),
      })),
      edges: view.value.edges.filter(e => e.type !== 'partOf'),
      lanes: (processes.value ?? []).map(p => ({ id: p.ref, title: p.title })),
    };
  }, [view.value, processes.value, processRef]);
  return useGraphLayout(layoutInput);
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
  const order = useMemo(
    () =>
      estateOrder.value && view.value
        ? deployOrderInView(estateOrder.value, view.value)
        : undefined,
    [estateOrder.value, view.value],
  );
  const layout = useViewLayout(params, data);
  const drawnEdges = useMemo(
    (): DrawnEdge[] =>
      (view.value?.edges ?? []).map(e => ({
        source: e.source,
        target: e.target,
        type: e.type,
        inCycle: Boolean(e.inCycle),
      })),
    [view.value],
  );
  const cycles = useMemo(
    () => cyclesInView(view.value, order),
    [view.value, order],
  );
  const cycleMembers = useMemo(() => new Set(cycles.flat()), [cycles]);
  const search = params.search.trim().toLocaleLowerCase('en-US');
  const matches = useMemo(
    () => searchMatches(view.value, search),
    [view.value, search],
  );
  const options = useMemo(
    () => filterOptions(view.value, params.filter.types, params.filter.owners),
    [view.value, params.filter.types, params.filter.owners],
  );
  const legend = useMemo(() => legendTypes(view.value), [view.value]);
  const focusNode = params.entity
    ? [...nodes.values()].find(n => n.distance === 0)
    : undefined;
  return {
    nodes,
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
