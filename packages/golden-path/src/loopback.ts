import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A server of the test's listening on loopback. */
export interface Loopback {
  /** http://127.0.0.1:port */
  baseUrl: string;
  /** 127.0.0.1:port */
  host: string;
  /** Stops it, dropping the connections still open (keep-alive clients). */
  close(): Promise<void>;
}

/** Listens on loopback `port` (a free one when 0), as the fakes, the issuer and the hosts do. */
export async function listenOnLoopback(
  server: http.Server,
  port = 0,
): Promise<Loopback> {
  await new Promise<void>(resolve =>
    server.listen(port, '127.0.0.1', () => resolve()),
  );
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}`,
    host: `127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
