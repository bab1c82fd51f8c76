import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import { endpoint, flow, productpage, reviews, tick, waypoint } from '../__fixtures__/mesh';
import { createDemoTelemetry } from '../demo-telemetry';
import { ISTIO_BUCKETS } from '../families';
import { createRegistry } from '../prom-registry';
import { SeriesStore } from '../series-store';
import { expositionChunks, renderExposition } from './render-text';

const T0 = 1_800_000_000_000;

/** An app whose name needs every escape, and a character outside ASCII. */
const oddApp = endpoint('odd', 'say "hi"\\back\nslash ✓', { dataplane: 'sidecar', node: 'node-2' });

/** A telemetry with many series, some of them labelled with odd values. */
function recordedTelemetry(ticks = 3): ReturnType<typeof createDemoTelemetry> {
  const telemetry = createDemoTelemetry({ random: seededRandom('render-text') });
  const clients = Array.from({ length: 30 }, (_, i) =>
    endpoint('load', `client-${i}`, { node: `node-${i % 3}` }),
  );
  for (let i = 1; i <= ticks; i++) {
    telemetry.record(
      tick(T0 + i * 1000, [
        flow(productpage, reviews, { waypoint, count: 2.5 }),
        flow(oddApp, reviews, { count: 4, responseCode: 503 }),
        flow(productpage, oddApp, { count: 3 }),
        ...clients.map((client) => flow(client, reviews, { waypoint, count: 1 + (i % 3) })),
      ]),
    );
  }
  return telemetry;
}

/** A store holding one duration histogram and one request counter, both labelled `labels`. */
function tinyStore(labels: Record<string, string>): SeriesStore {
  const store = new SeriesStore();
  store.beginTick(T0, 1);
  const duration = store.series('duration', labels, 'k');
  store.add(duration, 0, 1); // le 0.5
  store.add(duration, 2, 3); // (1, 5]
  store.add(duration, ISTIO_BUCKETS.length, 2); // above the last bound: +Inf only
  store.add(duration, ISTIO_BUCKETS.length + 1, 1234.5); // _sum
  store.add(duration, ISTIO_BUCKETS.length + 2, 6); // _count
  store.add(store.series('requests', labels, 'k'), 0, 6);
  return store;
}

describe('the exposition rendered from the store', () => {
  it('writes a histogram as cumulative buckets up to +Inf, then _sum and _count, labels escaped', () => {
    const text = renderExposition(tinyStore({ reporter: 'waypoint', odd: 'a\\b"c\nd' }));
    const pairs = 'reporter="waypoint",odd="a\\\\b\\"c\\nd"';
    const cumulative = [1, 1, 4, ...ISTIO_BUCKETS.slice(3).map(() => 4)];
    expect(text.split('\n').filter((l) => l.startsWith('istio_request_duration_milliseconds'))).toEqual([
      ...ISTIO_BUCKETS.map(
        (bound, i) => `istio_request_duration_milliseconds_bucket{${pairs},le="${bound}"} ${cumulative[i]}`,
      ),
      `istio_request_duration_milliseconds_bucket{${pairs},le="+Inf"} 6`,
      `istio_request_duration_milliseconds_sum{${pairs}} 1234.5`,
      `istio_request_duration_milliseconds_count{${pairs}} 6`,
    ]);
    expect(text).toContain(`\nistio_requests_total{${pairs}} 6\n`);
  });

  it('writes series without labels without braces, but keeps le’s', () => {
    const text = renderExposition(tinyStore({}));
    expect(text).toContain('\nistio_requests_total 6\n');
    expect(text).toContain('\nistio_request_duration_milliseconds_bucket{le="0.5"} 1\n');
    expect(text).toContain('\nistio_request_duration_milliseconds_sum 1234.5\n');
    expect(text).toContain('\nistio_request_duration_milliseconds_count 6\n');
  });

  it('declares every family, empty or not, separated by an empty line, ending with a line feed', () => {
    const text = renderExposition(new SeriesStore());
    expect(text.startsWith('# HELP istio_tcp_connections_opened_total ')).toBe(true);
    expect(text.match(/^# TYPE /gm)).toHaveLength(8);
    expect(text.split('\n\n')).toHaveLength(8);
    expect(text.endsWith('histogram\n')).toBe(true);
  });

  it('writes exactly the bytes prom-client writes for the same store, whatever the chunk size', async () => {
    const telemetry = recordedTelemetry();
    const prom = await Registry.prototype.metrics.call(createRegistry(telemetry.store));
    expect(prom).toContain('source_app="say \\"hi\\"\\\\back\\nslash ✓"');
    expect(renderExposition(telemetry.store)).toBe(prom);
    const chunks = [...expositionChunks(telemetry.store, { chunkBytes: 1024 })];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(prom);
  });

  it('keeps each series whole when the store changes between two chunks', () => {
    const telemetry = recordedTelemetry(1);
    const chunks = expositionChunks(telemetry.store, { chunkBytes: 1024 });
    const parts: Buffer[] = [];
    for (let next = chunks.next(), i = 0; !next.done; next = chunks.next(), i++) {
      parts.push(Buffer.from(next.value));
      // Midway, a tick with new series (the totals array may grow and be replaced).
      if (i === 3) telemetry.record(tick(T0 + 60_000, [flow(reviews, productpage, { waypoint, count: 7 })]));
    }
    const text = Buffer.concat(parts).toString('utf8');
    expect(text).toMatch(/^istio_requests_total\{reporter="waypoint",source_workload="reviews-v2",.* 7$/m);
    const byLabels = new Map<string, Map<string, number>>();
    for (const match of text.matchAll(
      /^istio_request_bytes_(bucket|count)\{(.*?)(?:,le="([^"]+)")?\} (\S+)$/gm,
    )) {
      const [, part, labels = '', le, value] = match;
      const series = byLabels.get(labels) ?? new Map<string, number>();
      series.set(part === 'count' ? 'count' : (le ?? ''), Number(value));
      byLabels.set(labels, series);
    }
    expect(byLabels.size).toBeGreaterThan(30);
    for (const series of byLabels.values()) expect(series.get('+Inf')).toBe(series.get('count'));
  });
});
