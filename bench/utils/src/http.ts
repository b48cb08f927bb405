/**
 * The codes undici gives when a kept-alive connection was closed by the server as the request
 * went out on it (the server's keep-alive timeout racing the client's reuse of an idle socket).
 */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isStaleSocket(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as {
    code?: string;
    cause?: { code?: string };
  };
  // undici (fetch) puts the code on the cause; node-fetch (the catalog client) on the error.
  const found = cause?.code ?? code;
  return found !== undefined && STALE_SOCKET_CODES.has(found);
}

/**
 * Sends a request once more when it failed because the kept-alive connection it went out on had
 * just been closed by the server (a request that idled past the server's keep-alive timeout, 5 s
 * in Node). Any other failure, or a second one, is thrown. `onRetry` hears of each retry.
 */
export async function retryOnStaleSocket<T>(
  send: () => Promise<T>,
  onRetry?: (error: unknown) => void,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isStaleSocket(error)) throw error;
    onRetry?.(error);
    return send();
  }
}

/** `fetch` through {@link retryOnStaleSocket}. */
export function fetchOnLiveSocket(
  input: RequestInfo | URL,
  init?: RequestInit,
  onRetry?: (error: unknown) => void,
): Promise<Response> {
  return retryOnStaleSocket(() => fetch(input, init), onRetry);
}
