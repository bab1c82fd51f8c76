import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOfRegex } from '@/lib/promql/escape';
import { selector } from '@/lib/promql/builders';
import { isSourceError, type SourceError } from '@/lib/source-error';
import { startPrometheusServer, type PrometheusServer } from '@/server/testing/prometheus-server';
import {
  ODD_NAMESPACE,
  TRAFFIC,
  startIstioExporter,
  type IstioExporter,
} from './__fixtures__/istio-exporter';
import { createPrometheusClient, type PrometheusClient } from './client';

let exporter: IstioExporter;
let prom: PrometheusServer;
let client: PrometheusClient;

beforeAll(async () => {
  exporter = await startIstioExporter();
  prom = await startPrometheusServer({ targets: [{ address: exporter.address, job: 'istio' }] });
  client = createPrometheusClient({ url: prom.url, headers: {}, timeoutMs: 5_000 });
  await prom.waitForSeries('count_over_time(istio_requests_total[1m]) >= 2', {
    minSeries: TRAFFIC.length,
    timeoutMs: 30_000,
  });
});

afterAll(async () => {
  await prom?.stop();
  await exporter?.close();
});

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!isSourceError(error)) throw error;
  return error;
}

function valueOf(
  samples: { labels: Record<string, string>; value: number }[],
  workload: string,
  code = '200',
) {
  return samples.find((s) => s.labels.destination_workload === workload && s.labels.response_code === code)
    ?.value;
}

describe('PrometheusClient against a real Prometheus', () => {
  it('runs instant queries and returns the labelled vector', async () => {
    const { data, warnings } = await client.query(
      'sum by (destination_workload, response_code) (istio_requests_total{destination_workload_namespace="bookinfo"})',
    );
    expect(warnings).toEqual([]);
    const samples = data.resultType === 'vector' ? data.result : [];
    expect(samples).toHaveLength(4);
    // All series come from the same scrapes, so the counters stand in the ratio of the traffic table: 10 : 2.
    expect((valueOf(samples, 'reviews-v1') ?? 0) / (valueOf(samples, 'details-v1') ?? 1)).toBeCloseTo(5, 9);
  });

  it('evaluates at the requested time', async () => {
    const { data } = await client.query('time()', { time: new Date(1_700_000_000_500) });
    expect(data).toEqual({ resultType: 'scalar', result: { time: 1_700_000_000.5, value: 1_700_000_000.5 } });
  });

  it('runs range queries with points at start + k * step', async () => {
    const end = new Date(Math.floor(Date.now() / 1000) * 1000);
    const start = new Date(end.getTime() - 4_000);
    const { data } = await client.queryRange('sum by (destination_workload) (istio_requests_total)', {
      start,
      end,
      stepSeconds: 1,
    });
    const reviews = data.find((s) => s.labels.destination_workload === 'reviews-v1');
    expect(data).toHaveLength(4);
    expect(reviews?.points.length).toBeGreaterThanOrEqual(1);
    for (const [time, value] of reviews?.points ?? []) {
      expect(Number.isInteger(time - start.getTime() / 1000)).toBe(true);
      expect(value % TRAFFIC[0]!.perTick).toBe(0);
    }
  });

  it('POSTs a query too long for a URL, which Prometheus would refuse as a GET', async () => {
    const query = `count(istio_requests_total{destination_workload!="${'x'.repeat(1_100_000)}"})`;
    const get = await fetch(new URL(`api/v1/query?${new URLSearchParams({ query }).toString()}`, prom.url));
    expect(get.status).toBe(431);
    const { data } = await client.query(query);
    expect(data.resultType === 'vector' && data.result[0]?.value).toBe(TRAFFIC.length);
  });

  it('reads the version from buildinfo and probes with it', async () => {
    expect((await client.buildInfo()).version).toMatch(/^2\.42\./);
    await expect(client.probe()).resolves.toEqual({ version: expect.stringMatching(/^2\.42\./) as unknown });
  });

  it("maps a malformed query to bad_query with Prometheus's message", async () => {
    const error = await failure(client.query('sum(rate(istio_requests_total[1m])'));
    expect(error).toMatchObject({ source: 'prometheus', kind: 'bad_query', status: 400 });
    expect(error.message).toMatch(/parse error/);
  });
});

describe('escaping against a real Prometheus', () => {
  const injected = 'a"}or vector(1)#';

  it('keeps an injected namespace a plain value: no series, where pasting it in returns vector(1)', async () => {
    const pasted = await client.query(`istio_requests_total{destination_workload_namespace="${injected}"}`);
    expect(pasted.data).toEqual({ resultType: 'vector', result: [{ labels: {}, value: 1 }] });
    const match = [{ label: 'destination_workload_namespace', op: '=' as const, value: injected }];
    const escaped = await client.query(selector('istio_requests_total', match));
    expect(escaped.data).toEqual({ resultType: 'vector', result: [] });
  });

  it('matches a namespace full of quotes, backslashes and newlines exactly, with = and with a quoted regex', async () => {
    for (const match of [
      [{ label: 'destination_workload_namespace', op: '=' as const, value: ODD_NAMESPACE }],
      [{ label: 'destination_workload_namespace', op: '=~' as const, value: anyOfRegex([ODD_NAMESPACE]) }],
    ]) {
      const { data } = await client.query(selector('istio_requests_total', match));
      const samples = data.resultType === 'vector' ? data.result : [];
      expect(samples.map((s) => s.labels.destination_workload_namespace)).toEqual([ODD_NAMESPACE]);
    }
  });

  it('treats regex metacharacters in values literally, and an empty list as no match', async () => {
    const count = async (op: '=~' | '!~', values: string[]): Promise<number | undefined> => {
      const match = [{ label: 'destination_workload', op, value: anyOfRegex(values) }];
      const { data } = await client.query(`count(${selector('istio_requests_total', match)}) or vector(0)`);
      return data.resultType === 'vector' ? data.result[0]?.value : undefined;
    };
    expect(await count('=~', ['reviews-v1', 'details-v1'])).toBe(2);
    expect(await count('=~', ['reviews-v.', 'reviews.*'])).toBe(0);
    expect(await count('=~', [])).toBe(0);
    expect(await count('!~', [])).toBe(TRAFFIC.length);
  });

  it('selects a metric named like a keyword without a parse error', async () => {
    await expect(client.query(selector('sum', []))).resolves.toMatchObject({ data: { result: [] } });
  });
});

describe('PrometheusClient behind a path prefix and an auth proxy', () => {
  const seen: { method: string | undefined; headers: IncomingHttpHeaders }[] = [];
  const proxy = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers });
      const path = req.url?.startsWith('/prometheus/') ? req.url.slice('/prometheus/'.length) : undefined;
      if (req.headers['x-no-buildinfo'] === '1' && path === 'api/v1/status/buildinfo') {
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
      }
      if (req.headers.authorization !== 'Bearer t0k' || path === undefined) {
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><form>Sign in</form></html>');
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = { 'content-type': req.headers['content-type'] ?? 'text/plain' };
      void fetch(new URL(path, prom.url), { method: req.method, headers, body }).then(async (up) => {
        res
          .writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? '' })
          .end(await up.text());
      });
    });
  });
  let base: string;

  beforeAll(async () => {
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    const address = proxy.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/prometheus`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    proxy.close();
    await once(proxy, 'close');
  });

  it('joins API paths below the prefix, sends the configured headers, GETs short and POSTs long queries', async () => {
    const headers = { authorization: 'Bearer t0k', 'X-Scope-OrgID': 'team-a' };
    const proxied = createPrometheusClient({ url: new URL(base), headers, timeoutMs: 5_000 });
    expect((await proxied.query('vector(2)')).data).toMatchObject({ result: [{ value: 2 }] });
    expect((await proxied.query(`vector(3) or up{job="${'y'.repeat(3_000)}"}`)).data).toMatchObject({
      result: [{ value: 3 }],
    });
    expect(seen.map((s) => [s.method, s.headers['x-scope-orgid']])).toEqual([
      ['GET', 'team-a'],
      ['POST', 'team-a'],
    ]);
    expect(seen[1]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('probes a server without buildinfo (older Thanos, Cortex) with a query instead', async () => {
    const headers = { authorization: 'Bearer t0k', 'x-no-buildinfo': '1' };
    const old = createPrometheusClient({ url: new URL(base), headers, timeoutMs: 5_000 });
    await expect(old.probe()).resolves.toEqual({ detail: 'version unknown (no buildinfo endpoint)' });
  });

  it("calls the proxy's login page a bad_response naming the URL", async () => {
    const error = await failure(
      createPrometheusClient({ url: new URL(base), headers: {}, timeoutMs: 5_000 }).probe(),
    );
    expect(error).toMatchObject({ kind: 'bad_response' });
    expect(error.message).toContain(`${base}/api/v1/status/buildinfo`);
    expect(error.message).toContain('HTML');
  });

  it('calls an unknown path (a wrong prefix) a bad_response', async () => {
    const wrong = createPrometheusClient({ url: new URL('nope/', prom.url), headers: {}, timeoutMs: 5_000 });
    expect(await failure(wrong.query('up'))).toMatchObject({ kind: 'bad_response', status: 404 });
  });
});

describe('PrometheusClient when nothing useful answers', () => {
  it('reports a closed port as unreachable, quickly', async () => {
    const server = createTcpServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    server.close();
    await once(server, 'close');
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const closed = createPrometheusClient({
      url: new URL(`http://127.0.0.1:${port}/`),
      headers: {},
      timeoutMs: 5_000,
    });
    const started = performance.now();
    expect(await failure(closed.query('up'))).toMatchObject({ kind: 'unreachable' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a server that accepts and never answers within the timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const stuck = createPrometheusClient({
      url: new URL(`http://127.0.0.1:${port}/`),
      headers: {},
      timeoutMs: 300,
    });
    try {
      for (const call of [() => stuck.query('up'), () => stuck.probe()]) {
        const started = performance.now();
        const error = await failure(call());
        const elapsed = performance.now() - started;
        expect(error).toMatchObject({ kind: 'timeout' });
        expect(error.message).toContain('300 ms');
        expect(elapsed).toBeGreaterThanOrEqual(250);
        expect(elapsed).toBeLessThan(2_000);
      }
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });
});
