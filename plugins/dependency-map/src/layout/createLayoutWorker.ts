/**
 * Starts the layout worker, or returns `undefined` where there are no Web Workers (jsdom in
 * tests, old runtimes), in which case the layout runs on the main thread.
 *
 * `new Worker(new URL('./layout.worker.ts', import.meta.url))` is the form the app's bundler
 * (rspack, or webpack 5) recognises: it bundles the worker module and its imports as their own
 * chunk and rewrites the URL to it.
 */
export function createLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./layout.worker.ts', import.meta.url));
}
