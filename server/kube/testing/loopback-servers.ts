import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Small HTTP servers on 127.0.0.1 for the adapter's integration tests: a proxy in front of the demo API server that
 * can answer some requests itself (404 for a group, 410 for a watch), a server that never answers, and the URL of a
 * port nobody listens on.
 */

/** A test server. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** What a proxy hook answers instead of the upstream; `undefined` forwards the request. */
export interface ProxyAnswer {
  status: number;
  body: unknown;
}

/** Decides per request; `url` has the path and query as the client sent them. */
export type ProxyHook = (
  req: IncomingMessage,
  url: URL,
) => ProxyAnswer | undefined | Promise<ProxyAnswer | undefined>;

/** A proxy that can also cut every open connection (watches included), like a flaky network or load balancer. */
export interface LoopbackProxy extends LoopbackServer {
  /** Request lines seen, e.g. `GET /api/v1/pods?watch=true&…`. */
  readonly requests: string[];
  dropConnections(): void;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function tracked(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** Starts a proxy to `target` (the demo API server's URL). */
export async function startLoopbackProxy(target: string, hook?: ProxyHook): Promise<LoopbackProxy> {
  const upstream = new URL(target);
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    void Promise.resolve(hook?.(req, url)).then((answer) => {
      if (answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
        return;
      }
      const options = { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url };
      const forward = request({ ...options, headers: { ...req.headers, host: upstream.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        res.on('close', () => up.destroy());
      });
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
  });
  const sockets = tracked(server);
  const url = await listen(server);
  return {
    url,
    requests,
    dropConnections: () => sockets.forEach((socket) => socket.destroy()),
    close: closer(server, sockets),
  };
}

/** A server that accepts connections and reads requests but never answers. */
export async function startHangingServer(): Promise<LoopbackServer> {
  const server = createServer(() => {
    // Never answer.
  });
  const sockets = tracked(server);
  return { url: await listen(server), close: closer(server, sockets) };
}

/** The URL of a loopback port that was free a moment ago and is closed now (connections are refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

/** A Kubernetes Status body. */
export function statusBody(code: number, reason: string, message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}
