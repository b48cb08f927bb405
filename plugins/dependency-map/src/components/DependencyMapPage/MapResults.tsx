import { ResponseErrorPanel } from '@backstage/core-components';
import { Box, Grid } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { CyclesAlert } from './CyclesAlert';
import { DeployStagesTable } from './DeployStagesTable';
import { GraphCaption } from './GraphCaption';
import { GraphLegend } from './GraphLegend';
import { GraphView } from './GraphView';
import { SelectedNodePanel } from './SelectedNodePanel';
import type {
  DependencyMapData,
  DependencyMapViewState,
  MapView,
} from './useDependencyMap';

/** The loaded view: its cycles, whether it was cut short, the graph and its deploy stages. */
export function MapResults(props: {
  view: MapView;
  state: DependencyMapViewState;
  estateOrder: DependencyMapData['estateOrder'];
  selected?: string;
  onSelect(ref: string): void;
  onFocus(ref: string): void;
}) {
  const { view, state, selected, onSelect } = props;
  const { nodes, layout } = state;
  const selectedNode = selected ? nodes.get(selected) : undefined;
  return (
    <>
      {state.cycles.length > 0 && (
        <CyclesAlert cycles={state.cycles} nodes={nodes} />
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
      {view.nodes.length === 0 ? (
        <Alert severity="info">No entities match this view.</Alert>
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12} lg={8}>
            <GraphCaption
              nodeCount={view.nodes.length}
              edgeCount={view.edges.length}
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
                onSelect={onSelect}
              />
            )}
            <GraphLegend types={state.legend} />
            {selectedNode && (
              <SelectedNodePanel node={selectedNode} onFocus={props.onFocus} />
            )}
          </Grid>
          <Grid item xs={12} lg={4}>
            {props.estateOrder.error && (
              <ResponseErrorPanel error={props.estateOrder.error} />
            )}
            {state.order && (
              <DeployStagesTable
                order={state.order}
                nodes={nodes}
                onSelect={onSelect}
              />
            )}
          </Grid>
        </Grid>
      )}
    </>
  );
}
