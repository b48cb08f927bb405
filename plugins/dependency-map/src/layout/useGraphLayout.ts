import { useEffect, useRef, useState } from 'react';
import { createLayoutWorker } from './createLayoutWorker';
import { GraphLayout, LayoutInput, computeLayout } from './layout';
import type { LayoutResponse } from './protocol';

/** The layout of the current input, as far as it is known. */
export interface GraphLayoutState {
  layout?: GraphLayout;
  /** True while the layout of the latest input is being computed. */
  pending: boolean;
  error?: Error;
  /** Time the layout took, where it ran. */
  durationMs?: number;
  /** `worker`, or `main-thread` where Web Workers are unavailable. */
  ranIn?: 'worker' | 'main-thread';
}

type SetState = (state: GraphLayoutState) => void;

/** Asks the worker for a layout; answers other than the current request's are dropped. */
function layoutInWorker(
  worker: Worker,
  id: number,
  input: LayoutInput,
  isCurrent: (id: number) => boolean,
  setState: SetState,
): () => void {
  const onMessage = (event: MessageEvent<LayoutResponse>) => {
    if (!isCurrent(event.data.id) || event.data.id !== id) return;
    if (event.data.layout) {
      setState({
        layout: event.data.layout,
        pending: false,
        durationMs: event.data.durationMs,
        ranIn: 'worker',
      });
    } else {
      setState({ pending: false, error: new Error(event.data.error) });
    }
  };
  const onError = (event: ErrorEvent) => {
    if (!isCurrent(id)) return;
    setState({
      pending: false,
      error: new Error(`The layout worker failed: ${event.message}`),
    });
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.postMessage({ id, input });
  return () => {
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
  };
}

/** Lays out on the main thread after a tick, unless a newer request came first. */
function layoutOnMainThread(
  id: number,
  input: LayoutInput,
  isCurrent: (id: number) => boolean,
  setState: SetState,
): () => void {
  const timer = setTimeout(() => {
    if (!isCurrent(id)) return;
    try {
      const started = performance.now();
      const layout = computeLayout(input);
      setState({
        layout,
        pending: false,
        durationMs: performance.now() - started,
        ranIn: 'main-thread',
      });
    } catch (error) {
      setState({
        pending: false,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }, 0);
  return () => clearTimeout(timer);
}

/**
 * Lays out `input` in a Web Worker (one per mounted view, ended on unmount) and returns the
 * latest layout; older answers are dropped. Without Web Workers (jsdom in tests) it calls the
 * same pure function directly, after a tick so the page renders its pending state first.
 */
export function useGraphLayout(
  input: LayoutInput | undefined,
): GraphLayoutState {
  const [state, setState] = useState<GraphLayoutState>({ pending: false });
  const workerRef = useRef<Worker | undefined | null>(null);
  const requestId = useRef(0);

  useEffect(() => {
    return () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!input) {
      setState({ pending: false });
      return undefined;
    }
    const id = ++requestId.current;
    const isCurrent = (answered: number) => answered === requestId.current;
    setState(previous => ({ ...previous, pending: true, error: undefined }));
    if (workerRef.current === null) {
      try {
        workerRef.current = createLayoutWorker();
      } catch {
        workerRef.current = undefined;
      }
    }
    const worker = workerRef.current;
    return worker
      ? layoutInWorker(worker, id, input, isCurrent, setState)
      : layoutOnMainThread(id, input, isCurrent, setState);
  }, [input]);

  return state;
}
