/** Starting a local HTTP server: listen on `host` (always a loopback address here) and say on which port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Resolves with the port the server listens on (a free one for port 0); rejects on EADDRINUSE etc. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
