/*
 * The dependency map's layout worker: computes layouts off the main thread so the page stays
 * responsive while a large graph is laid out. One message in (`{ id, input }`), one out
 * (`{ id, layout }` or `{ id, error }`).
 */
import { computeLayout } from './layout';
import type { LayoutRequest, LayoutResponse } from './protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = event => {
  const { id, input } = event.data;
  try {
    const started = performance.now();
    const layout = computeLayout(input);
    scope.postMessage({ id, layout, durationMs: performance.now() - started });
  } catch (error) {
    scope.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
