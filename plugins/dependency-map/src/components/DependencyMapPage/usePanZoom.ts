import {
  MutableRefObject,
  RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
} from 'react';
import type { GraphLayout } from '../../layout/layout';
import { Transform, clampZoom } from './graphDrawing';

type Apply = () => void;

/**
 * The current pan and zoom, and `apply` to show it: at most once per animation frame, set on
 * the SVG group and passed to `draw` (the canvas), without re-rendering React.
 */
function useTransform(
  groupRef: RefObject<SVGGElement>,
  draw: (transform: Transform) => void,
): { transform: MutableRefObject<Transform>; apply: Apply } {
  const transform = useRef<Transform>({ x: 0, y: 0, k: 1 });
  const frame = useRef<number | undefined>(undefined);
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
      draw(transform.current);
    };
    if (typeof requestAnimationFrame === 'undefined') {
      run();
    } else {
      frame.current = requestAnimationFrame(run);
    }
  }, [draw, groupRef]);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return { transform, apply };
}

/** Fit to view (on every new layout too) and zoom by a factor, by buttons or the wheel. */
function useZoom(
  containerRef: RefObject<HTMLDivElement>,
  transform: MutableRefObject<Transform>,
  apply: Apply,
  layout: GraphLayout,
  height: number,
) {
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
  }, [layout, height, apply, containerRef, transform]);

  // A new layout is shown whole.
  useLayoutEffect(() => {
    fit();
  }, [fit]);

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
    [apply, containerRef, transform],
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
  }, [zoomBy, containerRef]);

  return { fit, zoomBy };
}

/** The node under a point of the container, if any. */
function nodeAt(
  layout: GraphLayout,
  transform: Transform,
  px: number,
  py: number,
) {
  const x = (px - transform.x) / transform.k;
  const y = (py - transform.y) / transform.k;
  return layout.nodes.find(
    n =>
      x >= n.x &&
      x <= n.x + layout.nodeWidth &&
      y >= n.y &&
      y <= n.y + layout.nodeHeight,
  );
}

/** Pointer handlers that pan by dragging; on a canvas, a click selects the node under it. */
function useDragPan(
  containerRef: RefObject<HTMLDivElement>,
  transform: MutableRefObject<Transform>,
  apply: Apply,
  options: {
    layout: GraphLayout;
    canvas: boolean;
    onSelect(ref: string): void;
  },
) {
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
    if (!state || state.moved || !options.canvas) return;
    // A click on the canvas: find the node under the pointer.
    const rect = containerRef.current!.getBoundingClientRect();
    const hit = nodeAt(
      options.layout,
      transform.current,
      event.clientX - rect.left,
      event.clientY - rect.top,
    );
    if (hit) options.onSelect(hit.id);
  };
  const onPointerLeave = () => {
    drag.current = undefined;
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerLeave };
}

/**
 * Pan (drag) and zoom (wheel, buttons) of a drawn graph. Panning and zooming change one
 * transform, applied straight to the DOM (or the canvas) without re-rendering the nodes.
 */
export function usePanZoom(options: {
  layout: GraphLayout;
  height: number;
  renderer: 'svg' | 'canvas';
  /** Draws the canvas at a transform; changing it redraws (and re-fits) the graph. */
  draw(transform: Transform): void;
  onSelect(ref: string): void;
}) {
  const { layout, height, renderer, draw, onSelect } = options;
  const containerRef = useRef<HTMLDivElement>(null);
  const groupRef = useRef<SVGGElement>(null);
  const { transform, apply } = useTransform(groupRef, draw);
  const { fit, zoomBy } = useZoom(
    containerRef,
    transform,
    apply,
    layout,
    height,
  );

  // Redraw the canvas when what it shows changes.
  useEffect(() => {
    if (renderer === 'canvas') apply();
  }, [renderer, apply]);

  const pointerHandlers = useDragPan(containerRef, transform, apply, {
    layout,
    canvas: renderer === 'canvas',
    onSelect,
  });
  return { containerRef, groupRef, fit, zoomBy, pointerHandlers };
}
