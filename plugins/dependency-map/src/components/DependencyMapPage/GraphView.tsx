import { IconButton, Tooltip, makeStyles } from '@material-ui/core';
import ZoomIn from '@material-ui/icons/ZoomIn';
import ZoomOut from '@material-ui/icons/ZoomOut';
import ZoomOutMap from '@material-ui/icons/ZoomOutMap';
import type {
  DependencyEdgeType,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import type { GraphLayout, PositionedNode } from '../../layout/layout';
import {
  CYCLE_COLOUR,
  EDGE_COLOUR,
  MATCH_COLOUR,
  colourOfType,
} from '../shared/colours';
import { describeNode } from '../shared/refs';

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
  onSelect(ref: string): void;
  /** Force one renderer (tests); by default SVG up to {@link CANVAS_THRESHOLD} nodes. */
  renderer?: 'svg' | 'canvas';
  /** Most height of the drawing area; shorter graphs get less. Default 640. */
  height?: number;
}

interface Transform {
  x: number;
  y: number;
  k: number;
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
  controls: {
    position: 'absolute',
    top: theme.spacing(1),
    right: theme.spacing(1),
    display: 'flex',
    flexDirection: 'column',
    background: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
    boxShadow: theme.shadows[2],
    zIndex: 1,
  },
  node: {
    cursor: 'pointer',
    '&:focus': { outline: 'none' },
    '&:focus > rect': { strokeWidth: 3 },
  },
  laneTitle: {
    fill: theme.palette.text.secondary,
    fontSize: 13,
    fontWeight: 600,
  },
}));

const MIN_ZOOM = 0.03;
const MAX_ZOOM = 3;
const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The SVG path of an edge from the provider (left) to the consumer (right). */
function edgePath(
  provider: PositionedNode,
  consumer: PositionedNode,
  w: number,
  h: number,
): string {
  if (provider.layer === consumer.layer) {
    // Same layer (a cycle or a self-loop): an arc out to the right.
    const x = provider.x + w;
    const y1 = provider.y + h / 2;
    const y2 = consumer.y + h / 2;
    const bulge = 40 + Math.min(Math.abs(y2 - y1) / 4, 60);
    return `M${x},${y1} C${x + bulge},${y1} ${x + bulge},${y2} ${x},${y2}`;
  }
  const x1 = provider.x + w;
  const y1 = provider.y + h / 2;
  const x2 = consumer.x;
  const y2 = consumer.y + h / 2;
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

function dashOf(type: DependencyEdgeType): string | undefined {
  if (type === 'subscribesTo') return '6 4';
  if (type === 'servedBy' || type === 'partOf') return '2 4';
  return undefined;
}

/** The outline of a node: black when selected or focused, then search match, then cycle. */
function outlineOf(emphasised: boolean, matched: boolean, inCycle: boolean) {
  if (emphasised) return '#000';
  if (matched) return MATCH_COLOUR;
  if (inCycle) return CYCLE_COLOUR;
  return undefined;
}

/** Lanes and edges: they change only with the layout. */
const SvgGraph = memo(function SvgGraphImpl(props: {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  edges: DrawnEdge[];
  positioned: Map<string, PositionedNode>;
  classes: { laneTitle: string };
}) {
  const { layout, nodes, edges, positioned, classes } = props;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  return (
    <>
      {layout.lanes.map((lane, i) => (
        <g key={lane.id || '(none)'} aria-label={`Lane: ${lane.title}`}>
          <rect
            x={0}
            y={lane.y}
            width={layout.width}
            height={lane.height}
            fill={i % 2 === 0 ? 'rgba(0,0,0,0.035)' : 'transparent'}
          />
          <text x={8} y={lane.y + 20} className={classes.laneTitle}>
            {lane.title} ({lane.nodeCount})
          </text>
        </g>
      ))}
      {edges.map(edge => {
        const consumer = positioned.get(edge.source);
        const provider = positioned.get(edge.target);
        if (!consumer || !provider) return null;
        const label = edge.inCycle
          ? `Cycle edge: ${nodes.get(edge.source)?.title} ${edge.type} ${
              nodes.get(edge.target)?.title
            }`
          : undefined;
        return (
          <path
            key={`${edge.source} ${edge.type} ${edge.target}`}
            d={edgePath(provider, consumer, w, h)}
            fill="none"
            stroke={edge.inCycle ? CYCLE_COLOUR : EDGE_COLOUR}
            strokeWidth={edge.inCycle ? 2.5 : 1.2}
            strokeDasharray={dashOf(edge.type)}
            markerEnd={
              edge.inCycle
                ? 'url(#dependency-map-arrow-cycle)'
                : 'url(#dependency-map-arrow)'
            }
            data-cycle={edge.inCycle ? 'true' : undefined}
            aria-label={label}
            role={label ? 'img' : undefined}
          >
            <title>{`${edge.source} ${edge.type} ${edge.target}`}</title>
          </path>
        );
      })}
    </>
  );
});

const SvgNodes = memo(function SvgNodesImpl(props: {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  focusRef?: string;
  selectedRef?: string;
  matches?: Set<string>;
  cycleMembers?: Set<string>;
  onSelect(ref: string): void;
  nodeClass: string;
}) {
  const {
    layout,
    nodes,
    focusRef,
    selectedRef,
    matches,
    cycleMembers,
    onSelect,
    nodeClass,
  } = props;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  return (
    <>
      {layout.nodes.map(node => {
        const data = nodes.get(node.id);
        const title = data?.title ?? node.id;
        const emphasised = node.id === selectedRef || node.id === focusRef;
        const inCycle = cycleMembers ? cycleMembers.has(node.id) : node.inCycle;
        const stroke =
          outlineOf(emphasised, Boolean(matches?.has(node.id)), inCycle) ??
          'none';
        return (
          <g
            key={node.id}
            transform={`translate(${node.x},${node.y})`}
            className={nodeClass}
            role="button"
            tabIndex={0}
            aria-label={data ? describeNode(data) : node.id}
            aria-pressed={node.id === selectedRef}
            data-ref={node.id}
            data-in-cycle={inCycle ? 'true' : undefined}
            onClick={() => onSelect(node.id)}
            onKeyDown={event => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(node.id);
              }
            }}
          >
            <rect
              width={w}
              height={h}
              rx={4}
              fill={colourOfType(data?.type ?? data?.kind)}
              stroke={stroke}
              strokeWidth={stroke === 'none' ? 0 : 2.5 + (emphasised ? 0.5 : 0)}
              opacity={data?.missing ? 0.5 : 1}
            />
            <text x={8} y={h / 2 + 4} fill="#fff" fontSize={12}>
              {truncate(title, 24)}
            </text>
            <title>{`${title} · ${data?.kind ?? ''}${
              data?.type ? ` · ${data.type}` : ''
            } · ${node.id}`}</title>
          </g>
        );
      })}
    </>
  );
});

/**
 * The laid-out graph with pan (drag) and zoom (wheel, buttons). Panning and zooming change one
 * transform, applied straight to the DOM (or the canvas) without re-rendering the nodes, so they
 * stay smooth at 2,000 nodes.
 */
export function GraphView(props: GraphViewProps) {
  const classes = useStyles();
  const {
    layout,
    nodes,
    edges,
    focusRef,
    selectedRef,
    matches,
    cycleMembers,
    onSelect,
    height: maxHeight = 640,
  } = props;
  // A short graph gets a short box: it is drawn from the top, never centred in empty space.
  const height = Math.min(maxHeight, Math.max(260, layout.height + 16));
  const renderer =
    props.renderer ??
    (layout.nodes.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
  const containerRef = useRef<HTMLDivElement>(null);
  const groupRef = useRef<SVGGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const transform = useRef<Transform>({ x: 0, y: 0, k: 1 });
  const frame = useRef<number | undefined>(undefined);

  const positioned = useMemo(
    () => new Map(layout.nodes.map(n => [n.id, n])),
    [layout],
  );

  const drawCanvas = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext?.('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const { clientWidth, clientHeight } = canvas;
    if (
      canvas.width !== clientWidth * ratio ||
      canvas.height !== clientHeight * ratio
    ) {
      canvas.width = clientWidth * ratio;
      canvas.height = clientHeight * ratio;
    }
    const { x, y, k } = transform.current;
    const w = layout.nodeWidth;
    const h = layout.nodeHeight;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, clientWidth, clientHeight);
    context.setTransform(ratio * k, 0, 0, ratio * k, ratio * x, ratio * y);
    // The visible part of the layout, to skip what is off screen.
    const left = -x / k;
    const top = -y / k;
    const right = left + clientWidth / k;
    const bottom = top + clientHeight / k;

    layout.lanes.forEach((lane, i) => {
      context.fillStyle = i % 2 === 0 ? 'rgba(0,0,0,0.03)' : 'rgba(0,0,0,0)';
      context.fillRect(0, lane.y, layout.width, lane.height);
      context.fillStyle = '#607d8b';
      context.font = '600 13px sans-serif';
      context.fillText(`${lane.title} (${lane.nodeCount})`, 8, lane.y + 20);
    });

    context.lineWidth = 1;
    for (const cycle of [false, true]) {
      context.strokeStyle = cycle ? CYCLE_COLOUR : EDGE_COLOUR;
      context.lineWidth = cycle ? 2.5 : 1;
      context.beginPath();
      for (const edge of edges) {
        if (edge.inCycle !== cycle) continue;
        const consumer = positioned.get(edge.source);
        const provider = positioned.get(edge.target);
        if (!consumer || !provider) continue;
        const x1 = provider.x + w;
        const x2 = consumer.x;
        if (Math.max(x1, x2 + w) < left || Math.min(x1, x2) > right) continue;
        const y1 = provider.y + h / 2;
        const y2 = consumer.y + h / 2;
        if (Math.max(y1, y2) < top || Math.min(y1, y2) > bottom) continue;
        context.moveTo(x1, y1);
        if (provider.layer === consumer.layer) {
          context.bezierCurveTo(x1 + 50, y1, x1 + 50, y2, x1, y2);
        } else {
          const mid = (x1 + x2) / 2;
          context.bezierCurveTo(mid, y1, mid, y2, x2, y2);
        }
      }
      context.stroke();
    }

    const labels = k >= 0.45;
    context.font = '12px sans-serif';
    context.textBaseline = 'middle';
    for (const node of layout.nodes) {
      if (
        node.x + w < left ||
        node.x > right ||
        node.y + h < top ||
        node.y > bottom
      ) {
        continue;
      }
      const data = nodes.get(node.id);
      context.fillStyle = colourOfType(data?.type ?? data?.kind);
      context.fillRect(node.x, node.y, w, h);
      const outline = outlineOf(
        node.id === selectedRef || node.id === focusRef,
        Boolean(matches?.has(node.id)),
        cycleMembers ? cycleMembers.has(node.id) : node.inCycle,
      );
      if (outline) {
        context.strokeStyle = outline;
        context.lineWidth = 3;
        context.strokeRect(node.x, node.y, w, h);
      }
      if (labels) {
        context.fillStyle = '#fff';
        context.fillText(
          truncate(data?.title ?? node.id, 24),
          node.x + 8,
          node.y + h / 2,
        );
      }
    }
  }, [
    layout,
    nodes,
    edges,
    positioned,
    selectedRef,
    focusRef,
    matches,
    cycleMembers,
  ]);

  const apply = useCallback(() => {
    if (frame.current !== undefined) return;
    const run = () => {
      frame.current = undefined;
      const { x, y, k } = transform.current;
      if (groupRef.current) {
        groupRef.current.setAttribute(
          'transform',
          `translate(${x},${y}) scale(${k})`,
        );
      }
      drawCanvas();
    };
    if (typeof requestAnimationFrame === 'undefined') {
      run();
    } else {
      frame.current = requestAnimationFrame(run);
    }
  }, [drawCanvas]);

  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const fit = useCallback(() => {
    const container = containerRef.current;
    const width = container?.clientWidth || 800;
    const viewHeight = container?.clientHeight || height;
    const k = clampZoom(
      Math.min(
        1,
        (width - 16) / Math.max(layout.width, 1),
        (viewHeight - 16) / Math.max(layout.height, 1),
      ),
    );
    transform.current = {
      k,
      x: Math.max(8, (width - layout.width * k) / 2),
      y: 8,
    };
    apply();
  }, [layout, height, apply]);

  // A new layout is shown whole.
  useLayoutEffect(() => {
    fit();
  }, [fit]);

  // Redraw the canvas when what it shows changes.
  useEffect(() => {
    if (renderer === 'canvas') apply();
  }, [renderer, apply]);

  const zoomBy = useCallback(
    (factor: number, centre?: { x: number; y: number }) => {
      const container = containerRef.current;
      const cx = centre?.x ?? (container?.clientWidth ?? 0) / 2;
      const cy = centre?.y ?? (container?.clientHeight ?? 0) / 2;
      const { x, y, k } = transform.current;
      const next = clampZoom(k * factor);
      transform.current = {
        k: next,
        x: cx - ((cx - x) * next) / k,
        y: cy - ((cy - y) * next) / k,
      };
      apply();
    },
    [apply],
  );

  // Wheel zoom around the pointer; a native listener, since React's is passive.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = container.getBoundingClientRect();
      zoomBy(Math.exp(-event.deltaY * 0.0015), {
        x: event.clientX - rect.left,
        y: event.clientY - rect.top,
      });
    };
    container.addEventListener('wheel', onWheel, { passive: false });
    return () => container.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  const drag = useRef<
    | { x: number; y: number; startX: number; startY: number; moved: boolean }
    | undefined
  >(undefined);
  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0) return;
    drag.current = {
      x: event.clientX,
      y: event.clientY,
      startX: transform.current.x,
      startY: transform.current.y,
      moved: false,
    };
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const state = drag.current;
    if (!state) return;
    const dx = event.clientX - state.x;
    const dy = event.clientY - state.y;
    if (!state.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    state.moved = true;
    transform.current = {
      ...transform.current,
      x: state.startX + dx,
      y: state.startY + dy,
    };
    apply();
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const state = drag.current;
    drag.current = undefined;
    if (!state || state.moved || renderer !== 'canvas') return;
    // A click on the canvas: find the node under the pointer.
    const rect = containerRef.current!.getBoundingClientRect();
    const { x, y, k } = transform.current;
    const px = (event.clientX - rect.left - x) / k;
    const py = (event.clientY - rect.top - y) / k;
    const hit = layout.nodes.find(
      n =>
        px >= n.x &&
        px <= n.x + layout.nodeWidth &&
        py >= n.y &&
        py <= n.y + layout.nodeHeight,
    );
    if (hit) onSelect(hit.id);
  };

  return (
    <div
      ref={containerRef}
      className={classes.root}
      style={{ height }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => {
        drag.current = undefined;
      }}
      data-renderer={renderer}
      data-testid="dependency-graph"
    >
      <div className={classes.controls}>
        <Tooltip title="Zoom in">
          <IconButton
            size="small"
            aria-label="Zoom in"
            onClick={() => zoomBy(1.25)}
          >
            <ZoomIn fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Zoom out">
          <IconButton
            size="small"
            aria-label="Zoom out"
            onClick={() => zoomBy(0.8)}
          >
            <ZoomOut fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Fit to view">
          <IconButton size="small" aria-label="Fit to view" onClick={fit}>
            <ZoomOutMap fontSize="small" />
          </IconButton>
        </Tooltip>
      </div>
      {renderer === 'canvas' ? (
        <canvas
          ref={canvasRef}
          style={{ width: '100%', height: '100%', display: 'block' }}
          role="img"
          aria-label={`Dependency graph of ${layout.nodes.length} entities, drawn on a canvas; use the search to find one`}
        />
      ) : (
        <svg
          width="100%"
          height="100%"
          role="group"
          aria-label={`Dependency graph of ${layout.nodes.length} entities`}
        >
          <defs>
            <marker
              id="dependency-map-arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={EDGE_COLOUR} />
            </marker>
            <marker
              id="dependency-map-arrow-cycle"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={CYCLE_COLOUR} />
            </marker>
          </defs>
          <g ref={groupRef}>
            <SvgGraph
              layout={layout}
              nodes={nodes}
              edges={edges}
              positioned={positioned}
              classes={classes}
            />
            <SvgNodes
              layout={layout}
              nodes={nodes}
              focusRef={focusRef}
              selectedRef={selectedRef}
              matches={matches}
              cycleMembers={cycleMembers}
              onSelect={onSelect}
              nodeClass={classes.node}
            />
          </g>
        </svg>
      )}
    </div>
  );
}
