// The worker's HTTP side: health, and POST /messages, where the queue's push subscription (or
// a queue-to-HTTP bridge) delivers each message. A message is checked, turned into the ERP
// request and sent; the answer tells the queue whether to retry (5xx) or not (2xx, 4xx).
// Creating the server does not listen; src/index.ts does, and the tests start it on an
// ephemeral port.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { ERP_API, ErpError, sendToErp } from './erp.ts';
import { HttpError, isSynthetic, readJsonBody, sendJson } from './http.ts';
import { parseMessage, toErpRequest } from './message.ts';

export type AppOptions = {
  /** Base URL of the ERP API (ERP_API_URL). */
  erpApiUrl: string | undefined;
  /** When on, messages are refused with 503 and stay on the queue (KILL_SWITCH=on). */
  killSwitch: boolean;
  /** The clock, for tests. */
  now?: () => Date;
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
  if (pathname !== '/messages') {
    throw new HttpError(404, `no route for ${pathname}`);
  }
  if (req.method !== 'POST') {
    throw new HttpError(405, 'use POST');
  }
  if (options.killSwitch) {
    sendJson(
      res,
      503,
      { error: `posting to ${ERP_API} is switched off (KILL_SWITCH)` },
      { 'retry-after': '60' },
    );
    return;
  }
  const parsed = parseMessage(await readJsonBody(req, 256 * 1024));
  if (!parsed.ok) {
    sendJson(res, 400, { error: 'invalid message', problems: parsed.problems });
    return;
  }
  const request = toErpRequest(
    parsed.message,
    (options.now ?? (() => new Date()))(),
  );
  if (isSynthetic(req)) {
    // Synthetic transactions stop here: checked and transformed, never sent to the ERP.
    sendJson(res, 202, {
      accepted: true,
      synthetic: true,
      delivered: false,
      erpRequest: request,
    });
    return;
  }
  if (!options.erpApiUrl) {
    throw new HttpError(503, 'ERP_API_URL is not set');
  }
  try {
    const { status } = await sendToErp(options.erpApiUrl, request);
    sendJson(res, 202, {
      accepted: true,
      synthetic: false,
      delivered: true,
      erpStatus: status,
    });
  } catch (error) {
    if (!(error instanceof ErpError)) throw error;
    // The ERP refusing the message (4xx) will not change on a retry: 422, for the dead-letter
    // queue. Anything else is retried by the queue.
    const refused =
      error.status !== undefined && error.status >= 400 && error.status < 500;
    sendJson(res, refused ? 422 : 502, { error: error.message });
  }
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
