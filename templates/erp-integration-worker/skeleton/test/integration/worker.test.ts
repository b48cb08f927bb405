import assert from 'node:assert/strict';
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createServer, type AppOptions } from '../../src/app.ts';
import type { ErpRequest } from '../../src/message.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Received = {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: unknown;
};

/** A stand-in for the ERP API that records what it receives and answers `status`. */
function fakeErp() {
  const received: Received[] = [];
  let status = 201;
  const server = createHttpServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    received.push({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: JSON.parse(text),
    });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end('{}');
  });
  return {
    server,
    received,
    answer(next: number) {
      status = next;
    },
  };
}

const message = {
  id: 'msg-42',
  tenant: 'summit-building-supply',
  type: 'document.received',
  data: { documentNumber: 'D-1' },
};

function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${url}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the worker over HTTP', () => {
  const erp = fakeErp();
  let worker: Server;
  let url: string;

  before(async () => {
    const erpUrl = await listen(erp.server);
    const options: AppOptions = {
      erpApiUrl: erpUrl,
      killSwitch: false,
      now: () => new Date('2025-03-01T10:00:00Z'),
    };
    worker = createServer(options);
    url = await listen(worker);
  });
  after(() => {
    worker.close();
    erp.server.close();
  });
  beforeEach(() => {
    erp.received.length = 0;
    erp.answer(201);
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('posts a message to the ERP API', async () => {
    const res = await post(url, message);
    assert.equal(res.status, 202);
    assert.deepEqual(await res.json(), {
      accepted: true,
      synthetic: false,
      delivered: true,
      erpStatus: 201,
    });
    assert.equal(erp.received.length, 1);
    const [call] = erp.received;
    assert.equal(call?.method, 'POST');
    assert.match(call?.url ?? '', /^\/tenants\/summit-building-supply\//);
    assert.equal(call?.headers['idempotency-key'], 'msg-42');
    assert.deepEqual(call?.body, {
      documentNumber: 'D-1',
      externalReference: 'msg-42',
      eventType: 'document.received',
      receivedAt: '2025-03-01T10:00:00.000Z',
    });
  });

  it('keeps synthetic messages away from the ERP', async () => {
    const res = await post(url, message, { 'x-waybill-synthetic': 'true' });
    assert.equal(res.status, 202);
    const body = (await res.json()) as {
      synthetic: boolean;
      delivered: boolean;
      erpRequest: ErpRequest;
    };
    assert.equal(body.synthetic, true);
    assert.equal(body.delivered, false);
    assert.equal(body.erpRequest.headers['idempotency-key'], 'msg-42');
    assert.equal(erp.received.length, 0);
  });

  it('tells the queue to retry when the ERP fails, and not when it refuses', async () => {
    erp.answer(500);
    assert.equal((await post(url, message)).status, 502);
    erp.answer(422);
    assert.equal((await post(url, message)).status, 422);
  });

  it('refuses a bad message without calling the ERP', async () => {
    const res = await post(url, { ...message, tenant: 'Not A Tenant' });
    assert.equal(res.status, 400);
    assert.deepEqual(((await res.json()) as { problems: string[] }).problems, [
      'tenant must be a tenant name (lowercase kebab-case)',
    ]);
    assert.equal(erp.received.length, 0);
  });
});

describe('with the kill switch on', () => {
  it('stays healthy and leaves messages on the queue', async () => {
    const worker = createServer({
      erpApiUrl: 'http://127.0.0.1:9',
      killSwitch: true,
    });
    const url = await listen(worker);
    try {
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      const res = await post(url, message);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '60');
    } finally {
      worker.close();
    }
  });
});
