/**
 * A tiny HTTP server for a prom-client Registry on 127.0.0.1: `GET /metrics` answers the exposition text, every
 * other path 404. The demo command and the contract tests point a Prometheus at it. The demo mesh's registry
 * ({@link StoreRegistry}) is streamed from its shared render, gzip-compressed when the scraper accepts gzip (as
 * Prometheus does), so that a scrape of a large mesh never holds the event loop for long; any other Registry is
 * answered with its `metrics()` text.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import type { Registry } from 'prom-client';
import type { SharedExposition } from './exposition/shared-render';
import { TEXT_CONTENT_TYPE } from './exposition/text-format';
import { StoreRegistry } from './prom-registry';

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
    if (registry instanceof StoreRegistry) {
      serveExposition(registry.exposition, req, res);
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

/** Streams the shared render; a render that fails midway cuts the response short, which fails the scrape. */
function serveExposition(exposition: SharedExposition, req: IncomingMessage, res: ServerResponse): void {
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  res.writeHead(200, {
    'content-type': TEXT_CONTENT_TYPE,
    vary: 'accept-encoding',
    ...(gzip && { 'content-encoding': 'gzip' }),
  });
  pipeline(exposition.open({ gzip }), res, (error) => {
    if (error) res.destroy();
  });
}

/**
 * Whether an `Accept-Encoding` header accepts gzip: `gzip` (or `x-gzip`), else `*`, with a quality above 0
 * (RFC 9110 §12.5.3). Prometheus sends `Accept-Encoding: gzip`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  let gzip: number | null = null;
  let any: number | null = null;
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Math.max(gzip ?? 0, quality);
    else if (coding === '*') any = quality;
  }
  return (gzip ?? any ?? 0) > 0;
}
