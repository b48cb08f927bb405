import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createServer, type AppOptions } from '../../src/app.ts';
import type { Quote } from '../../src/pricing.ts';

type QuoteAnswer = Quote & { synthetic: boolean };

async function start(options: AppOptions) {
  const server = createServer(options);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

const quoteRequest = {
  currency: 'EUR',
  lines: [
    { sku: 'PAL-1200', quantity: 120, unitPrice: 2.5 },
    { sku: 'STRAP-19', quantity: 3, unitPrice: 19.99 },
  ],
};

describe('the service over HTTP', () => {
  let running: Awaited<ReturnType<typeof start>>;
  before(async () => {
    running = await start({ killSwitch: false });
  });
  after(() => running.server.close());

  it('answers /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('prices a quote', async () => {
    const res = await fetch(`${running.url}/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(quoteRequest),
    });
    assert.equal(res.status, 200);
    const quote = (await res.json()) as QuoteAnswer;
    assert.equal(quote.subtotal, 359.97);
    assert.equal(quote.discount, 15);
    assert.equal(quote.total, 344.97);
    assert.equal(quote.synthetic, false);
  });

  it('marks a synthetic quote', async () => {
    const res = await fetch(`${running.url}/quotes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-waybill-synthetic': 'true',
      },
      body: JSON.stringify(quoteRequest),
    });
    assert.equal(((await res.json()) as QuoteAnswer).synthetic, true);
  });

  it('refuses bad requests with the reason', async () => {
    const invalid = await fetch(`${running.url}/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currency: 'EUR', lines: [] }),
    });
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      ((await invalid.json()) as { problems: string[] }).problems,
      ['lines must list 1 to 200 items'],
    );
    const notJson = await fetch(`${running.url}/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    assert.equal(notJson.status, 400);
    const wrongType = await fetch(`${running.url}/quotes`, {
      method: 'POST',
      body: 'currency=EUR',
    });
    assert.equal(wrongType.status, 415);
    assert.equal((await fetch(`${running.url}/quotes`)).status, 405);
    assert.equal((await fetch(`${running.url}/nothing`)).status, 404);
  });
});

describe('with the kill switch on', () => {
  it('stays healthy and turns quotes off', async () => {
    const { server, url } = await start({ killSwitch: true });
    try {
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      const res = await fetch(`${url}/quotes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(quoteRequest),
      });
      assert.equal(res.status, 503);
    } finally {
      server.close();
    }
  });
});
