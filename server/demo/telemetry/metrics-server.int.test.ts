/**
 * The metrics server over real HTTP on 127.0.0.1: gzip when the scraper asks for it (Prometheus does), plain text
 * otherwise, one render for scrapes of the same tick, and any prom-client Registry still served as before.
 */
import { get, request, type IncomingHttpHeaders } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { Counter, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import { endpoint, flow, reviews, tick, waypoint } from './__fixtures__/mesh';
import { createDemoTelemetry, type DemoTelemetry } from './demo-telemetry';
import { renderExposition } from './exposition/render-text';
import { startMetricsServer, type MetricsServer } from './metrics-server';
import { StoreRegistry } from './prom-registry';

const T0 = 1_800_000_000_000;
let telemetry: DemoTelemetry;
let server: MetricsServer;

/** A GET with these request headers: status, headers and the body as sent (not decompressed). */
function scrape(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      buffer(res).then(
        (body) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
        reject,
      );
    }).on('error', reject);
  });
}

function renders(): number {
  const registry = telemetry.registry;
  if (!(registry instanceof StoreRegistry)) throw new Error('the demo telemetry has a StoreRegistry');
  return registry.exposition.renders;
}

beforeAll(async () => {
  telemetry = createDemoTelemetry({ random: seededRandom('metrics-server') });
  const clients = Array.from({ length: 20 }, (_, i) => endpoint('load', `client-${i}`));
  telemetry.record(
    tick(
      T0,
      clients.map((c) => flow(c, reviews, { waypoint, count: 5 })),
    ),
  );
  server = await startMetricsServer(telemetry.registry);
});

afterAll(async () => {
  await server?.close();
});

describe('the metrics server', () => {
  it('answers gzip to a scraper that accepts it, the same text otherwise', async () => {
    const text = renderExposition(telemetry.store);
    const zipped = await scrape(server.url, { 'accept-encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(text);
    expect(zipped.body.length).toBeLessThan(text.length / 10);

    const plain = await scrape(server.url, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(text);
  });

  it('renders once for scrapes of the same tick, again after the next tick', async () => {
    telemetry.record(tick(T0 + 1000, [flow(reviews, reviews, { count: 1 })]));
    const before = renders();
    const [a, b] = await Promise.all([
      scrape(server.url, { 'accept-encoding': 'gzip' }),
      scrape(server.url, { 'accept-encoding': 'gzip' }),
    ]);
    expect(a.body.equals(b.body)).toBe(true);
    expect(renders()).toBe(before + 1);
    await scrape(server.url);
    expect(renders()).toBe(before + 1);
    telemetry.record(tick(T0 + 2000, [flow(reviews, reviews, { count: 1 })]));
    await scrape(server.url);
    expect(renders()).toBe(before + 2);
  });

  it('answers 404 to other paths and methods', async () => {
    expect((await scrape(new URL('/other', server.url).href)).status).toBe(404);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(server.url, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });

  it('still serves any other prom-client Registry with its own text', async () => {
    const registry = new Registry();
    new Counter({ name: 'other_total', help: 'Another counter', registers: [registry] }).inc(3);
    const other = await startMetricsServer(registry);
    try {
      const answer = await scrape(other.url, { 'accept-encoding': 'gzip' });
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.toString('utf8')).toBe(await registry.metrics());
      expect(answer.body.toString('utf8')).toContain('other_total 3');
    } finally {
      await other.close();
    }
  });
});
