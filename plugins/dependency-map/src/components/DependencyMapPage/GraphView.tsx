import { makeStyles } from '@material-ui/core';
import type {
  DependencyEdgeType,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { useCallback, useMemo, useRef } from 'react';
import type { GraphLayout } from '../../layout/layout';
import { drawGraphOnCanvas } from './drawCanvas';
import { Transform } from './graphDrawing';
import { SvgDrawing } from './SvgDrawing';
import { usePanZoom } from './usePanZoom';
import { ZoomControls } from './ZoomControls';

/** Above this many nodes the graph is drawn on a canvas rather than as SVG elements. */
export const CANVAS_THRESHOLD = 1000;

/** An edge to draw, with its relation type. */
export interface DrawnEdge {
  source: string;
  target: string;
  type: DependencyEdgeType;
  inCycle: boolean;
}

export interface GraphViewProps {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  edges: DrawnEdge[];
  focusRef?: string;
  selectedRef?: string;
  /** Refs matching the search, outlined. */
  matches?: Set<string>;
  /**
   * Refs in a dependency cycle (of the ordering relations), including cycles through entities
   * outside the view; without it, the layout's own cycles (over every drawn relation) are used.
   */
  cycleMembers?: Set<string>;
  /** Hidden tenants each node serves, summed up on it ("44 tenants"). */
  hiddenTenants?: Map<string, number>;
  onSelect(ref: string): void;
  /** Force one renderer (tests); by default SVG up to {@link CANVAS_THRESHOLD} nodes. */
  renderer?: 'svg' | 'canvas';
  /** Most height of the drawing area; shorter graphs get less. Default 640. */
  height?: number;
}

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
    background: theme.palette.background.default,
    touchAction: 'none',
    userSelect: 'none',
    cursor: 'grab',
  },
}));

/**
 * The node positions by id, and how to draw the graph on the canvas; `draw` changes (and so
 * redraws) whenever what it shows does.
 */
function useGraphScene(props: GraphViewProps) {
  const {
    layout,
    nodes,
    edges,
    focusRef,
    selectedRef,
    matches,
    cycleMembers,
    hiddenTenants,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const positioned = useMemo(
    () => new Map(layout.nodes.map(n => [n.id, n])),
    [layout],
  );
  const draw = useCallback(
    (transform: Transform) => {
      if (!canvasRef.current) return;
      drawGraphOnCanvas(
        canvasRef.current,
        {
          layout,
          nodes,
          edges,
          positioned,
          selectedRef,
          focusRef,
          matches,
          cycleMembers,
          hiddenTenants,
        },
        transform,
      );
    },
    [
      layout,
      nodes,
      edges,
      positioned,
      selectedRef,
      focusRef,
      matches,
      cycleMembers,
      hiddenTenants,
    ],
  );
  return { canvasRef, positioned, draw };
}

/**
 * The laid-out graph with pan (drag) and zoom (wheel, buttons). Panning and zooming change one
 * transform, applied straight to the DOM (or the canvas) without re-rendering the nodes, so they
 * stay smooth at 2,000 nodes.
 */
export function GraphView(props: GraphViewProps) {
  const classes = useStyles();
  const { layout, nodes, edges, focusRef, selectedRef, matches, cycleMembers } =
    props;
  // A short graph gets a short box: it is drawn from the top, never centred in empty space.
  const height = Math.min(
    props.height ?? 640,
    Math.max(260, layout.height + 16),
  );
  const renderer =
    props.renderer ??
    (layout.nodes.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
  const { canvasRef, positioned, draw } = useGraphScene(props);
  const { containerRef, groupRef, fit, zoomBy, pointerHandlers } = usePanZoom({
    layout,
    height,
    renderer,
    draw,
    onSelect: props.onSelect,
  });

  return (
    <div
      ref={containerRef}
      className={classes.root}
      style={{ height }}
      {...pointerHandlers}
      data-renderer={renderer}
      data-testid="dependency-graph"
    >
      <ZoomControls zoomBy={zoomBy} fit={fit} />
      {renderer === 'canvas' ? (
        <canvas
          ref={canvasRef}
          style={{ width: '100%', height: '100%', display: 'block' }}
          role="img"
          aria-label={`Dependency graph of ${layout.nodes.length} entities, drawn on a canvas; use the search to find one`}
        />
      ) : (
        <SvgDrawing
          layout={layout}
          nodes={nodes}
          edges={edges}
          positioned={positioned}
          groupRef={groupRef}
          focusRef={focusRef}
          selectedRef={selectedRef}
          matches={matches}
          cycleMembers={cycleMembers}
          hiddenTenants={props.hiddenTenants}
          onSelect={props.onSelect}
        />
      )}
    </div>
  );
}
