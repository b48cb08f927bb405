import { ResponseErrorPanel } from '@backstage/core-components';
import { Box, Grid } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { CyclesAlert } from './CyclesAlert';
import { DeployStagesTable } from './DeployStagesTable';
import { GraphCaption, hiddenText } from './GraphCaption';
import { GraphLegend } from './GraphLegend';
import { GraphView } from './GraphView';
import { SelectedNodePanel } from './SelectedNodePanel';
import type {
  DependencyMapData,
  DependencyMapViewState,
  MapView,
} from './useDependencyMap';

/** The graph with its caption, legend and selected node. */
function GraphColumn(props: {
  view: MapView;
  state: DependencyMapViewState;
  selected?: string;
  onSelect(ref: string): void;
  onFocus(ref: string, direction?: 'downstream'): void;
  onShowTenants(): void;
}) {
  const { view, state, selected } = props;
  const { nodes, layout, hidden } = state;
  const selectedNode = selected ? nodes.get(selected) : undefined;
  return (
    <>
      <GraphCaption
        nodeCount={view.nodes.length}
        edgeCount={view.edges.length}
        hidden={hidden}
        layout={layout}
      />
      {layout.error && <ResponseErrorPanel error={layout.error} />}
      {layout.layout && (
        <GraphView
          layout={layout.layout}
          nodes={nodes}
          edges={state.drawnEdges}
          focusRef={state.focusNode?.ref}
          selectedRef={selected}
          matches={state.matches}
          cycleMembers={state.cycleMembers}
          hiddenTenants={hidden?.tenantsByNode}
          onSelect={props.onSelect}
        />
      )}
      <GraphLegend types={state.legend} />
      {selectedNode && (
        <SelectedNodePanel
          node={selectedNode}
          hiddenTenants={hidden?.tenantsByNode.get(selectedNode.ref)}
          onFocus={props.onFocus}
          onShowTenants={props.onShowTenants}
        />
      )}
    </>
  );
}

/**
 * The loaded view: its cycles, whether it was cut short, the graph (without what it hides) and
 * its deploy stages.
 */
export function MapResults(props: {
  view: MapView;
  state: DependencyMapViewState;
  estateOrder: DependencyMapData['estateOrder'];
  selected?: string;
  onSelect(ref: string): void;
  onFocus(ref: string, direction?: 'downstream'): void;
  onShowTenants(): void;
}) {
  const { view, state, onSelect } = props;
  const shown = state.shownView ?? view;
  return (
    <>
      {state.cycles.length > 0 && !state.titles.loading && (
        <CyclesAlert
          cycles={state.cycles}
          shown={state.shownRefs ?? new Set()}
          titleOf={state.titles.titleOf}
        />
      )}
      {view.truncated && (
        <Box mb={2}>
          <Alert severity="info">
            Showing the first {view.nodes.length} of {view.totalNodes ?? 'more'}{' '}
            entities; narrow the view with a business process, a focus entity or
            filters.
          </Alert>
        </Box>
      )}
      {shown.nodes.length === 0 ? (
        <Alert severity="info">
          No entities match this view. {hiddenText(state.hidden)}
        </Alert>
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12} lg={8}>
            <GraphColumn {...props} view={shown} />
          </Grid>
          <Grid item xs={12} lg={4}>
            {props.estateOrder.error && (
              <ResponseErrorPanel error={props.estateOrder.error} />
            )}
            {state.order && (
              <DeployStagesTable
                order={state.order}
                titleOf={state.titles.titleOf}
                onSelect={onSelect}
              />
            )}
          </Grid>
        </Grid>
      )}
    </>
  );
}
