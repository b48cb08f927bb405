// Loopback ports for what the tests start later (the portal, a scaffolded service). A port is
// held (listened on) from the moment its URL is handed out until just before its server
// starts: a port that was only "found free" and released can be handed to another pipeline of
// the same run in between, and a probe of it then reaches the other pipeline's service.
import net, { AddressInfo } from 'node:net';

/** A loopback port held for a server that is not started yet. */
export interface PortReservation {
  port: number;
  /** Stops holding the port, for the server about to listen on it (idempotent). */
  release(): Promise<void>;
}

/** Holds a free loopback port until {@link PortReservation.release}. */
export async function reservePort(): Promise<PortReservation> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  // The test process must not wait on a reservation nobody released.
  server.unref();
  const { port } = server.address() as AddressInfo;
  let released: Promise<void> | undefined;
  return {
    port,
    release: () =>
      (released ??= new Promise<void>(resolve =>
        server.close(() => resolve()),
      )),
  };
}
