/**
 * The codes undici gives when a kept-alive connection was closed by the server as the request
 * went out on it (the server's keep-alive timeout racing the client's reuse of an idle socket).
 */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isStaleSocket(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code !== undefined && STALE_SOCKET_CODES.has(cause.code);
}

/**
 * `fetch`, sent once more when it failed because the kept-alive connection it went out on had
 * just been closed by the server (a request that idled past the server's keep-alive timeout, 5 s
 * in Node). Any other failure, or a second one, is thrown. `onRetry` hears of each retry.
 */
export async function fetchOnLiveSocket(
  input: RequestInfo | URL,
  init?: RequestInit,
  onRetry?: (error: unknown) => void,
): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (!isStaleSocket(error)) throw error;
    onRetry?.(error);
    return fetch(input, init);
  }
}
