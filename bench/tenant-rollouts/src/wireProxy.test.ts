import { AddressInfo } from 'node:net';
import { Server, createServer, request } from 'node:http';
import { WireProxy, wireDelta, wireTotal } from './wireProxy';

/** A GET through `baseUrl`, on a fresh connection; answers the body. */
function get(baseUrl: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { agent: false }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('WireProxy', () => {
  let server: Server;
  let proxy: WireProxy;
  /** What the backend's sockets read and wrote, as Node counts it on its side. */
  const backendSide = { read: 0, written: 0 };

  beforeEach(async () => {
    backendSide.read = 0;
    backendSide.written = 0;
    server = createServer((req, res) => {
      const size = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      res.end('x'.repeat(size));
    });
    server.on('connection', socket =>
      socket.on('close', () => {
        backendSide.read += socket.bytesRead;
        backendSide.written += socket.bytesWritten;
      }),
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    proxy = await WireProxy.start(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
  });

  afterEach(async () => {
    await proxy.close();
    await new Promise(resolve => server.close(resolve));
  });

  it('counts each way exactly what the backend reads and writes', async () => {
    const before = proxy.bytes();
    expect(await get(proxy.baseUrl, '/?n=100000')).toHaveLength(100000);
    expect(await get(proxy.baseUrl, '/?n=3')).toBe('xxx');
    const counted = wireDelta(before, proxy.bytes());
    // The backend's sockets are closed (and counted) once the relay has closed its side.
    await proxy.close();
    await new Promise(resolve => setTimeout(resolve, 50));

    expect(counted.sent).toBe(backendSide.read);
    expect(counted.received).toBe(backendSide.written);
    expect(counted.received).toBeGreaterThan(100003);
    expect(wireTotal(counted)).toBe(counted.sent + counted.received);
    expect(proxy.connections).toBe(2);
  });
});
