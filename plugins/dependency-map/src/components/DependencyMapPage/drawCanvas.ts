import type { GraphLayout, PositionedNode } from '../../layout/layout';
import { CYCLE_COLOUR, EDGE_COLOUR, colourOfType } from '../shared/colours';
import {
  BADGE_WIDTH,
  Transform,
  nodeLabel,
  outlineOf,
  tenantBadge,
} from './graphDrawing';
import type { GraphScene } from './graphScene';

/** The part of the layout on screen, to skip what is off it. */
interface Viewport {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function drawLanes(context: CanvasRenderingContext2D, layout: GraphLayout) {
  layout.lanes.forEach((lane, i) => {
    context.fillStyle = i % 2 === 0 ? 'rgba(0,0,0,0.03)' : 'rgba(0,0,0,0)';
    context.fillRect(0, lane.y, layout.width, lane.height);
    context.fillStyle = '#607d8b';
    context.font = '600 13px sans-serif';
    context.fillText(`${lane.title} (${lane.nodeCount})`, 8, lane.y + 20);
  });
}

/** The edges on screen, as one path per colour: plain, then cycle edges on top. */
function drawEdges(
  context: CanvasRenderingContext2D,
  scene: GraphScene,
  view: Viewport,
) {
  const w = scene.layout.nodeWidth;
  const h = scene.layout.nodeHeight;
  context.lineWidth = 1;
  for (const cycle of [false, true]) {
    context.strokeStyle = cycle ? CYCLE_COLOUR : EDGE_COLOUR;
    context.lineWidth = cycle ? 2.5 : 1;
    context.beginPath();
    for (const edge of scene.edges) {
      if (edge.inCycle !== cycle) continue;
      const consumer = scene.positioned.get(edge.source);
      const provider = scene.positioned.get(edge.target);
      if (!consumer || !provider) continue;
      const x1 = provider.x + w;
      const x2 = consumer.x;
      if (Math.max(x1, x2 + w) < view.left || Math.min(x1, x2) > view.right) {
        continue;
      }
      const y1 = provider.y + h / 2;
      const y2 = consumer.y + h / 2;
      if (Math.max(y1, y2) < view.top || Math.min(y1, y2) > view.bottom) {
        continue;
      }
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
}

/** A node's title and, when it serves hidden tenants, their badge inside its right end. */
function drawNodeLabel(
  context: CanvasRenderingContext2D,
  node: PositionedNode,
  title: string,
  badge: string | undefined,
  size: { w: number; h: number },
) {
  const { w, h } = size;
  context.fillStyle = '#fff';
  context.fillText(
    nodeLabel(title, Boolean(badge)),
    node.x + 8,
    node.y + h / 2,
  );
  if (!badge) return;
  context.fillRect(
    node.x + w - BADGE_WIDTH - 4,
    node.y + 5,
    BADGE_WIDTH,
    h - 10,
  );
  context.fillStyle = '#263238';
  context.font = '10px sans-serif';
  context.textAlign = 'center';
  context.fillText(badge, node.x + w - 4 - BADGE_WIDTH / 2, node.y + h / 2);
  context.textAlign = 'start';
  context.font = '12px sans-serif';
}

/** The nodes on screen, with their titles once zoomed in far enough to read them. */
function drawNodes(
  context: CanvasRenderingContext2D,
  scene: GraphScene,
  view: Viewport,
  k: number,
) {
  const { layout, nodes, selectedRef, focusRef, matches, cycleMembers } = scene;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  const labels = k >= 0.45;
  context.font = '12px sans-serif';
  context.textBaseline = 'middle';
  for (const node of layout.nodes) {
    if (
      node.x + w < view.left ||
      node.x > view.right ||
      node.y + h < view.top ||
      node.y > view.bottom
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
      drawNodeLabel(
        context,
        node,
        data?.title ?? node.id,
        tenantBadge(scene.hiddenTenants?.get(node.id)),
        { w, h },
      );
    }
  }
}

/** Draws the graph on a canvas at a pan and zoom, sized to the canvas's CSS size. */
export function drawGraphOnCanvas(
  canvas: HTMLCanvasElement,
  scene: GraphScene,
  transform: Transform,
): void {
  const context = canvas.getContext?.('2d');
  if (!context) return;
  const ratio = window.devicePixelRatio || 1;
  const { clientWidth, clientHeight } = canvas;
  if (
    canvas.width !== clientWidth * ratio ||
    canvas.height !== clientHeight * ratio
  ) {
    canvas.width = clientWidth * ratio;
    canvas.height = clientHeight * ratio;
  }
  const { x, y, k } = transform;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, clientWidth, clientHeight);
  context.setTransform(ratio * k, 0, 0, ratio * k, ratio * x, ratio * y);
  const left = -x / k;
  const top = -y / k;
  const view = {
    left,
    top,
    right: left + clientWidth / k,
    bottom: top + clientHeight / k,
  };
  drawLanes(context, scene.layout);
  drawEdges(context, scene, view);
  drawNodes(context, scene, view, k);
}
