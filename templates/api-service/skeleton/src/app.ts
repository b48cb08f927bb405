// The HTTP service: health, and quotes for trade customers. Creating it does not listen;
// src/index.ts does, and the tests start it on an ephemeral port.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { HttpError, isSynthetic, readJsonBody, sendJson } from './http.ts';
import { parseQuoteRequest, priceQuote } from './pricing.ts';

export type AppOptions = {
  /** When on, the business routes answer 503 (KILL_SWITCH=on). */
  killSwitch: boolean;
};

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: AppOptions,
): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/healthz') {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'use GET');
    }
    sendJson(res, 200, { status: 'ok' });
    return;
  }
  if (pathname === '/quotes') {
    if (req.method !== 'POST') {
      throw new HttpError(405, 'use POST');
    }
    if (options.killSwitch) {
      throw new HttpError(503, 'quotes are switched off (KILL_SWITCH)');
    }
    const parsed = parseQuoteRequest(await readJsonBody(req));
    if (!parsed.ok) {
      sendJson(res, 400, {
        error: 'invalid quote request',
        problems: parsed.problems,
      });
      return;
    }
    sendJson(res, 200, {
      ...priceQuote(parsed.request),
      synthetic: isSynthetic(req),
    });
    return;
  }
  throw new HttpError(404, `no route for ${pathname}`);
}

/** The request handler. */
export function createHandler(
  options: AppOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, options).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) {
        console.error(error);
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(
        res,
        status,
        { error: status === 500 ? 'internal error' : (error as Error).message },
        status === 413 ? { connection: 'close' } : {},
      );
    });
  };
}

/** The HTTP server, not yet listening. */
export function createServer(options: AppOptions): Server {
  return createHttpServer(createHandler(options));
}
