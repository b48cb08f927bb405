import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createServer, type AppOptions } from '../../src/app.ts';

/** Answers one request from the handler, served in-process on an ephemeral port. */
async function ask(options: AppOptions, path: string, init?: RequestInit) {
  const server = createServer(options);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, init);
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
    };
  } finally {
    server.close();
  }
}

const on = { killSwitch: false };

describe('the request handler routes', () => {
  it('answers health with GET only', async () => {
    assert.deepEqual(await ask(on, '/healthz'), {
      status: 200,
      body: { status: 'ok' },
    });
    assert.equal((await ask(on, '/healthz', { method: 'POST' })).status, 405);
  });

  it('takes quotes by POST, refuses them behind the kill switch', async () => {
    assert.equal((await ask(on, '/quotes')).status, 405);
    const post = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    };
    assert.equal(
      (await ask({ killSwitch: true }, '/quotes', post)).status,
      503,
    );
    const invalid = await ask(on, '/quotes', post);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error, 'invalid quote request');
  });

  it('names an unknown route', async () => {
    assert.deepEqual(await ask(on, '/orders'), {
      status: 404,
      body: { error: 'no route for /orders' },
    });
  });
});
