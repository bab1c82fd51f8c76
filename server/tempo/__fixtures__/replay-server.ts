import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the replay server answers: a recorded response, or nothing at all (`hang`) to provoke a timeout. */
export type Reply = { status: number; body?: string; contentType?: string } | 'hang';

/** One request the replay server received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as received, e.g. `/tempo/api/search?q=…`. */
  url: URL;
  headers: IncomingHttpHeaders;
}

/** A running replay server. */
export interface ReplayServer {
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server (127.0.0.1, ephemeral port) that answers each request with what `route` returns, so a
 * client can be tested against recorded Tempo answers. No real Tempo runs on this machine.
 */
export async function startReplayServer(route: (url: URL) => Reply): Promise<ReplayServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay.invalid');
    requests.push({ method: req.method ?? '', url, headers: req.headers });
    const reply = route(url);
    if (reply === 'hang') return;
    const body = reply.body ?? '';
    const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(body)) };
    if (reply.contentType) headers['content-type'] = reply.contentType;
    res.writeHead(reply.status, headers).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests keep their sockets open; end them so that close() returns.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
