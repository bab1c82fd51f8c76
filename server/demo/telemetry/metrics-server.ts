/**
 * A tiny HTTP server for a prom-client Registry on 127.0.0.1: `GET /metrics` answers the exposition text, every
 * other path 404. The demo command and the contract tests point a Prometheus at it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A running metrics server. */
export interface MetricsServer {
  /** The scrape URL, e.g. `http://127.0.0.1:41234/metrics`. */
  readonly url: string;
  /** `127.0.0.1:port`, the form a Prometheus scrape target takes. */
  readonly address: string;
  /** Stops listening and drops open connections. Idempotent. */
  close(): Promise<void>;
}

/** Serves `registry` on 127.0.0.1 at `port` (default 0: a free port). */
export async function startMetricsServer(
  registry: Registry,
  options: { port?: number } = {},
): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => res.writeHead(500).end(`metrics failed: ${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    address: `127.0.0.1:${port}`,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}
