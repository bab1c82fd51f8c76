import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/source-error';
import { callUpstream, parseJsonBody, type UpstreamRequest } from './upstream';

const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}'),
  '/html': (res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>'),
  '/redirect': (res) => res.writeHead(302, { location: 'https://sso.example/login' }).end(),
  '/truncated': (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"status":"succ', () => setTimeout(() => res.socket?.destroy(), 20));
  },
  '/headers': (res) => res.writeHead(200).end(JSON.stringify(res.req.headers)),
};

let http: Server;
let hanging: ReturnType<typeof createTcpServer>;
const sockets: Socket[] = [];
let base: string;
let hangingUrl: string;

beforeAll(async () => {
  http = createServer((req, res) => (routes[req.url ?? ''] ?? ((r) => r.writeHead(404).end()))(res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  hanging = createTcpServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await new Promise((resolve) => hanging.close(resolve));
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

function req(url: string, extra: Partial<UpstreamRequest> = {}): UpstreamRequest {
  return { source: 'prometheus', operation: 'query', url: new URL(url), timeoutMs: 2_000, ...extra };
}

async function failure(request: UpstreamRequest): Promise<SourceError> {
  const error: unknown = await callUpstream(request)
    .then((res) => parseJsonBody(request, res))
    .catch((e: unknown) => e);
  if (error instanceof SourceError) return error;
  throw new Error(`expected a SourceError, got ${String(error)}`);
}

describe('callUpstream', () => {
  it('returns status and body, and sends configured headers once, case-insensitively', async () => {
    const ok = await callUpstream(req(`${base}/ok`));
    expect(parseJsonBody(req(`${base}/ok`), ok)).toEqual({ status: 'success' });
    const echo = await callUpstream(
      req(`${base}/headers`, { headers: { Accept: 'text/plain', 'X-Scope-OrgID': 't1' } }),
    );
    const headers = JSON.parse(echo.body) as Record<string, string>;
    expect(headers.accept).toBe('text/plain');
    expect(headers['x-scope-orgid']).toBe('t1');
  });

  it('names HTML instead of JSON as a bad response from the upstream', async () => {
    const error = await failure(req(`${base}/html`));
    expect(error).toMatchObject({ source: 'prometheus', kind: 'bad_response', status: 200 });
    expect(error.message).toMatch(/prometheus query: expected JSON but got HTML/);
    expect(error.message).not.toContain('Sign in');
  });

  it('reports a body cut short as a bad response', async () => {
    expect(await failure(req(`${base}/truncated`))).toMatchObject({ kind: 'bad_response' });
  });

  it('reports a redirect (a login page in front of the API) instead of following it', async () => {
    const error = await failure(req(`${base}/redirect`));
    expect(error).toMatchObject({ kind: 'bad_response', status: 302 });
    expect(error.message).toContain('https://sso.example/login');
  });

  it('gives unreachable at once for a closed port', async () => {
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const started = Date.now();
    expect(await failure(req(`http://127.0.0.1:${port}/`))).toMatchObject({ kind: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives timeout within the configured time when the server never answers', async () => {
    const started = Date.now();
    const error = await failure(req(hangingUrl, { timeoutMs: 300 }));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toContain('300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('passes a caller abort through untyped, so it is not mistaken for an outage', async () => {
    const controller = new AbortController();
    const pending = callUpstream(req(hangingUrl, { signal: controller.signal, timeoutMs: 5_000 }));
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SourceError);
    expect(error).toBeInstanceOf(Error);
  });
});
