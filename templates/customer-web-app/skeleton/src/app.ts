// The web app: the order tracking page (GET /, GET /orders?id=...) and its API
// (GET /api/orders/:id/status). Creating the server does not listen; src/index.ts does, and
// the tests start it on an ephemeral port.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { HttpError, isSynthetic, sendJson } from './http.ts';
import {
  OrderSourceError,
  fetchMilestones,
  syntheticMilestones,
} from './orderSource.ts';
import { customerStatus, isOrderId, type OrderStatus } from './orders.ts';
import { homePage, messagePage, statusPage } from './page.ts';

export type AppOptions = {
  /** The name shown in page titles. */
  title: string;
  /** Base URL of the order status API (ORDER_STATUS_API_URL). */
  orderStatusApiUrl: string | undefined;
  /** When on, order lookups answer 503 (KILL_SWITCH=on); the page still loads. */
  killSwitch: boolean;
};

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    ...HTML_HEADERS,
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

/** Looks an order up; undefined when there is no such order. */
async function lookUp(
  req: IncomingMessage,
  orderId: string,
  options: AppOptions,
): Promise<OrderStatus | undefined> {
  if (options.killSwitch) {
    throw new HttpError(503, 'order tracking is switched off (KILL_SWITCH)');
  }
  // Synthetic transactions read the synthetic order book, never the ERP.
  const milestones = isSynthetic(req)
    ? syntheticMilestones(orderId)
    : await fetchMilestones(options.orderStatusApiUrl, orderId);
  return milestones && customerStatus(orderId, milestones);
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: AppOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'use GET');
  }
  if (url.pathname === '/healthz') {
    sendJson(res, 200, { status: 'ok' });
    return;
  }
  const api = /^\/api\/orders\/([^/]+)\/status$/.exec(url.pathname);
  if (api) {
    const orderId = decodeURIComponent(api[1] ?? '');
    if (!isOrderId(orderId)) {
      throw new HttpError(400, 'not an order number');
    }
    const status = await lookUp(req, orderId, options);
    if (!status) {
      throw new HttpError(404, `no order ${orderId}`);
    }
    sendJson(res, 200, status);
    return;
  }
  if (url.pathname === '/') {
    sendHtml(res, 200, homePage(options.title));
    return;
  }
  if (url.pathname === '/orders') {
    const orderId = (url.searchParams.get('id') ?? '').trim().toUpperCase();
    if (!isOrderId(orderId)) {
      sendHtml(
        res,
        400,
        messagePage(
          options.title,
          'Check the order number',
          'Order numbers are 3 to 40 letters, digits and dashes.',
          orderId,
        ),
      );
      return;
    }
    let status: OrderStatus | undefined;
    try {
      status = await lookUp(req, orderId, options);
    } catch (error) {
      if (error instanceof HttpError || error instanceof OrderSourceError) {
        sendHtml(
          res,
          error.status,
          messagePage(
            options.title,
            'Order tracking is unavailable',
            'Please try again in a few minutes.',
            orderId,
          ),
        );
        return;
      }
      throw error;
    }
    if (!status) {
      sendHtml(
        res,
        404,
        messagePage(
          options.title,
          'Order not found',
          `We could not find order ${orderId}.`,
          orderId,
        ),
      );
      return;
    }
    sendHtml(res, 200, statusPage(options.title, status));
    return;
  }
  throw new HttpError(404, `no route for ${url.pathname}`);
}

/** The request handler. */
export function createHandler(
  options: AppOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, options).catch((error: unknown) => {
      const status =
        error instanceof HttpError || error instanceof OrderSourceError
          ? error.status
          : 500;
      if (status === 500) {
        console.error(error);
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, status, {
        error: status === 500 ? 'internal error' : (error as Error).message,
      });
    });
  };
}

/** The HTTP server, not yet listening. */
export function createServer(options: AppOptions): Server {
  return createHttpServer(createHandler(options));
}
