import { AddressInfo, Server, Socket, createServer, connect } from 'node:net';
import { PassThrough } from 'node:stream';

/*
 * Bytes on the wire between a client and a backend: a TCP relay on localhost that counts what
 * passes each way, whatever the client (fetch, a WebSocket). What it counts is what the client
 * and the backend write to their sockets: HTTP request and status lines, headers, bodies and
 * WebSocket frames; not the TCP/IP headers, and no TLS (the backends speak plain HTTP).
 */

/** Bytes counted each way, as the client sees them. */
export interface WireBytes {
  /** Client to backend: requests, WebSocket frames the client sends. */
  sent: number;
  /** Backend to client: responses, WebSocket frames the backend sends. */
  received: number;
}

/** `b - a`, each way. */
export const wireDelta = (a: WireBytes, b: WireBytes): WireBytes => ({
  sent: b.sent - a.sent,
  received: b.received - a.received,
});

/** Both ways together. */
export const wireTotal = (bytes: WireBytes) => bytes.sent + bytes.received;

/** A counting relay to one backend; clients call `baseUrl` instead of the backend's. */
export class WireProxy {
  private readonly counted: WireBytes = { sent: 0, received: 0 };
  private readonly sockets = new Set<Socket>();
  /** TCP connections clients opened through the relay. */
  connections = 0;

  private constructor(
    private readonly server: Server,
    private readonly targetPort: number,
  ) {
    server.on('connection', client => this.relay(client));
  }

  /** Starts a relay on an ephemeral port of localhost to the backend at `targetBaseUrl`. */
  static async start(targetBaseUrl: string): Promise<WireProxy> {
    const proxy = new WireProxy(
      createServer(),
      Number(new URL(targetBaseUrl).port),
    );
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The base URL that reaches the backend through the relay. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What has passed each way so far. */
  bytes(): WireBytes {
    return { ...this.counted };
  }

  /** Closes every relayed connection, then the relay. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private counter(way: keyof WireBytes): PassThrough {
    const through = new PassThrough();
    through.on('data', (chunk: Buffer) => {
      this.counted[way] += chunk.length;
    });
    return through;
  }

  private relay(client: Socket): void {
    this.connections++;
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      // A reset on one side ends the other; the relay has nothing to report.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(this.counter('sent')).pipe(upstream);
    upstream.pipe(this.counter('received')).pipe(client);
  }
}
