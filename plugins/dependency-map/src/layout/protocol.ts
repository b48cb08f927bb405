import type { GraphLayout, LayoutInput } from './layout';

/** A layout request to the worker. */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

/** The worker's answer to the request with the same id. */
export type LayoutResponse =
  | { id: number; layout: GraphLayout; durationMs: number; error?: undefined }
  | { id: number; error: string; layout?: undefined };
