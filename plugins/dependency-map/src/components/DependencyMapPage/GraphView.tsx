import { makeStyles } from '@material-ui/core';
import { useCallback, useMemo, useRef } from 'react';
import { drawGraphOnCanvas } from './drawCanvas';
import { Transform } from './graphDrawing';
import {
  GraphContent,
  GraphMarks,
  GraphScene,
  useStableFields,
} from './graphScene';
import { SvgDrawing } from './SvgDrawing';
import { usePanZoom } from './usePanZoom';
import { ZoomControls } from './ZoomControls';

/** Above this many nodes the graph is drawn on a canvas rather than as SVG elements. */
export const CANVAS_THRESHOLD = 1000;

export interface GraphViewProps extends GraphContent, GraphMarks {
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
 * What the graph shows, with the node positions by id, and how to draw it on the canvas: both
 * change (and so redraw) only when what is shown does.
 */
function useGraphScene(props: GraphViewProps) {
  const { onSelect, renderer, height, ...shown } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const positioned = useMemo(
    () => new Map(shown.layout.nodes.map(n => [n.id, n])),
    [shown.layout],
  );
  const scene: GraphScene = useStableFields({ ...shown, positioned });
  const draw = useCallback(
    (transform: Transform) => {
      if (!canvasRef.current) return;
      drawGraphOnCanvas(canvasRef.current, scene, transform);
    },
    [scene],
  );
  return { canvasRef, scene, draw };
}

/**
 * The laid-out graph with pan (drag) and zoom (wheel, buttons). Panning and zooming change one
 * transform, applied straight to the DOM (or the canvas) without re-rendering the nodes, so they
 * stay smooth at 5,000 nodes.
 */
export function GraphView(props: GraphViewProps) {
  const classes = useStyles();
  const { layout } = props;
  // A short graph gets a short box: it is drawn from the top, never centred in empty space.
  const height = Math.min(
    props.height ?? 640,
    Math.max(260, layout.height + 16),
  );
  const renderer =
    props.renderer ??
    (layout.nodes.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
  const { canvasRef, scene, draw } = useGraphScene(props);
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
        <SvgDrawing {...scene} groupRef={groupRef} onSelect={props.onSelect} />
      )}
    </div>
  );
}
