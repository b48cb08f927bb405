import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { fetchOnLiveSocket } from './http';

describe('fetchOnLiveSocket', () => {
  let server: Server;
  let url: string;
  let resets = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/reset-once' && resets === 0) {
        resets++;
        req.socket.destroy();
        return;
      }
      res.end('ok');
    });
    await new Promise<void>(resolve => server.listen(0, resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('sends the request again once when the connection was closed under it', async () => {
    const retried: unknown[] = [];
    const res = await fetchOnLiveSocket(`${url}/reset-once`, undefined, e =>
      retried.push(e),
    );
    expect(await res.text()).toBe('ok');
    expect(retried).toHaveLength(1);
  });

  it('throws other failures', async () => {
    await expect(fetchOnLiveSocket('http://127.0.0.1:1/')).rejects.toThrow(
      'fetch failed',
    );
  });
});
