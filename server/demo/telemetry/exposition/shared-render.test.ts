import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { endpoint, flow, reviews, tick, waypoint } from '../__fixtures__/mesh';
import { SeriesStore } from '../series-store';
import { recordTick } from '../recorder';
import type { ReportOptions } from '../reports';
import { renderExposition } from './render-text';
import { SharedExposition, storeVersion } from './shared-render';

const T0 = 1_800_000_000_000;
const OPTIONS: ReportOptions = {
  ztunnelPod: (node) => `ztunnel-${node}`,
  isGateway: () => false,
  requestsPerConnection: 10,
};
const clients = Array.from({ length: 40 }, (_, i) =>
  endpoint('load', `client-${i}`, { node: `node-${i % 3}` }),
);

/** Records one tick of every client calling reviews through the waypoint. */
function record(store: SeriesStore, atMs: number, count = 3): void {
  recordTick(
    store,
    tick(
      atMs,
      clients.map((c) => flow(c, reviews, { waypoint, count })),
    ),
    OPTIONS,
    () => 0.5,
  );
}

function recordedStore(): SeriesStore {
  const store = new SeriesStore();
  record(store, T0);
  return store;
}

describe('the shared exposition', () => {
  it('serves two scrapes that arrive during one tick from one render', async () => {
    const store = recordedStore();
    const exposition = new SharedExposition(store, { chunkBytes: 1024 });
    const first = exposition.open({ gzip: true });
    const second = exposition.open({ gzip: true });
    const [a, b] = await Promise.all([buffer(first), buffer(second)]);
    expect(exposition.renders).toBe(1);
    expect(a.equals(b)).toBe(true);
    expect(gunzipSync(a).toString('utf8')).toBe(renderExposition(store));
  });

  it('lets a scrape that arrives midway join the running render from its first byte', async () => {
    const store = recordedStore();
    const exposition = new SharedExposition(store, { chunkBytes: 1024 });
    const early = exposition.open({ gzip: false });
    let earlyEnded = false;
    early.once('end', () => (earlyEnded = true));
    const earlyText = buffer(early);
    // Let the render get going (and the first scrape read some of it) before the second scrape arrives.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(earlyEnded).toBe(false);
    const late = await buffer(exposition.open({ gzip: false }));
    expect(exposition.renders).toBe(1);
    expect(late.toString('utf8')).toBe((await earlyText).toString('utf8'));
    expect(late.toString('utf8')).toBe(renderExposition(store));
  });

  it('reuses a finished render until the next tick, then renders again', async () => {
    const store = recordedStore();
    const exposition = new SharedExposition(store);
    const before = await exposition.text();
    expect(await exposition.text()).toBe(before);
    expect(exposition.renders).toBe(1);
    record(store, T0 + 1000);
    const after = await exposition.text();
    expect(exposition.renders).toBe(2);
    expect(after).not.toBe(before);
    expect(after).toBe(renderExposition(store));
  });

  it('sees a tick recorded at the time of the one before (the store keeps its clock then)', async () => {
    const store = recordedStore();
    const exposition = new SharedExposition(store);
    await exposition.text();
    const version = storeVersion(store);
    record(store, T0, 1);
    expect(store.latestMs).toBe(T0);
    expect(storeVersion(store)).not.toBe(version);
    expect(await exposition.text()).toBe(renderExposition(store));
    expect(exposition.renders).toBe(2);
  });

  it('gives the event loop turns while it renders', async () => {
    const store = recordedStore();
    const exposition = new SharedExposition(store, { chunkBytes: 1024, sliceMs: 0 });
    let turns = 0;
    let done = false;
    const count = (): void => {
      turns += 1;
      if (!done && turns < 10_000) setImmediate(count);
    };
    setImmediate(count);
    await exposition.text();
    done = true;
    expect(turns).toBeGreaterThan(20);
  });

  it('fails the scrapes of a render that fails, and renders afresh for the next one', async () => {
    const store = recordedStore();
    const exposition = new SharedExposition(store, { chunkBytes: 1024 });
    const live = store.families.requests.live;
    live.values = () => {
      throw new Error('broken store');
    };
    await expect(exposition.text()).rejects.toThrow('broken store');
    delete (live as Partial<Map<string, unknown>>).values;
    expect(await exposition.text()).toBe(renderExposition(store));
    expect(exposition.renders).toBe(2);
  });
});
