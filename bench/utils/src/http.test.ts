import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { fetchOnLiveSocket, retryOnStaleSocket } from './http';

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

describe('retryOnStaleSocket', () => {
  const reset = () =>
    Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

  it('sends again once when the error names a stale socket on itself (node-fetch)', async () => {
    const send = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(reset())
      .mockResolvedValueOnce('ok');
    await expect(retryOnStaleSocket(send)).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('throws a second stale socket, and any other failure at once', async () => {
    const twice = jest.fn<Promise<string>, []>().mockRejectedValue(reset());
    await expect(retryOnStaleSocket(twice)).rejects.toThrow('socket hang up');
    expect(twice).toHaveBeenCalledTimes(2);
    const other = jest
      .fn<Promise<string>, []>()
      .mockRejectedValue(new Error('404'));
    await expect(retryOnStaleSocket(other)).rejects.toThrow('404');
    expect(other).toHaveBeenCalledTimes(1);
  });
});
