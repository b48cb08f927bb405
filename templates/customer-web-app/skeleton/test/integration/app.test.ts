import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createServer } from '../../src/app.ts';
import type { OrderStatus } from '../../src/orders.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in for the order status API: SO-1001 is shipped, SO-5000 fails, others are unknown. */
const orderStatusApi = createHttpServer((req, res) => {
  if (req.url === '/orders/SO-1001/status') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        milestones: [
          { code: 'received', at: '2025-01-06T08:00:00Z' },
          { code: 'shipped', at: '2025-01-06T16:45:00Z' },
        ],
      }),
    );
  } else if (req.url === '/orders/SO-5000/status') {
    res.writeHead(500).end();
  } else {
    res.writeHead(404).end();
  }
});

describe('the web app over HTTP', () => {
  let app: Server;
  let url: string;

  before(async () => {
    const apiUrl = await listen(orderStatusApi);
    app = createServer({
      title: 'order tracking',
      orderStatusApiUrl: apiUrl,
      killSwitch: false,
    });
    url = await listen(app);
  });
  after(() => {
    app.close();
    orderStatusApi.close();
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('serves the lookup page with a content security policy', async () => {
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(
      res.headers.get('content-security-policy') ?? '',
      /default-src 'self'/,
    );
    assert.match(await res.text(), /<form action="\/orders" method="get">/);
  });

  it('answers an order status from the order status API', async () => {
    const res = await fetch(`${url}/api/orders/SO-1001/status`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      orderId: 'SO-1001',
      status: 'on-the-way',
      label: 'On the way',
      step: 3,
      steps: 4,
      updatedAt: '2025-01-06T16:45:00.000Z',
    });
    const page = await fetch(`${url}/orders?id=so-1001`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /On the way/);
  });

  it('tells unknown orders, bad numbers and upstream failures apart', async () => {
    assert.equal((await fetch(`${url}/api/orders/SO-404/status`)).status, 404);
    assert.equal((await fetch(`${url}/api/orders/%3Cx%3E/status`)).status, 400);
    assert.equal((await fetch(`${url}/api/orders/SO-5000/status`)).status, 502);
    assert.equal((await fetch(`${url}/orders?id=SO-404`)).status, 404);
    assert.equal((await fetch(`${url}/orders?id=%3Cx%3E`)).status, 400);
    assert.equal((await fetch(`${url}/orders?id=SO-5000`)).status, 502);
  });

  it('answers synthetic lookups from the synthetic order book only', async () => {
    const synthetic = { 'x-waybill-synthetic': 'true' };
    const res = await fetch(`${url}/api/orders/SYNTHETIC-DELIVERED/status`, {
      headers: synthetic,
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as OrderStatus).status, 'delivered');
    const real = await fetch(`${url}/api/orders/SO-1001/status`, {
      headers: synthetic,
    });
    assert.equal(real.status, 404);
  });
});

describe('with the kill switch on', () => {
  it('still serves the page but not lookups', async () => {
    const app = createServer({
      title: 'order tracking',
      orderStatusApiUrl: 'http://127.0.0.1:9',
      killSwitch: true,
    });
    const url = await listen(app);
    try {
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      assert.equal((await fetch(url)).status, 200);
      assert.equal(
        (await fetch(`${url}/api/orders/SO-1001/status`)).status,
        503,
      );
      assert.equal((await fetch(`${url}/orders?id=SO-1001`)).status, 503);
    } finally {
      app.close();
    }
  });
});
