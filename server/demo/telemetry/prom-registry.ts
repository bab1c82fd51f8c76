/**
 * Exposes the {@link SeriesStore} through a prom-client `Registry`, so that a real Prometheus can scrape it. Each
 * family is registered as a small collector that reads the store at scrape time (prom-client's own Counter and
 * Histogram cannot take a whole tick of observations at once, and would keep a second copy of every series), so
 * prom-client's JSON and per-metric methods work. The text itself, `metrics()` and what `startMetricsServer`
 * serves, comes from the {@link SharedExposition}: the same bytes as prom-client's render, without its per-scrape
 * objects, in chunks off the event loop's critical path and once per tick (see `exposition/`).
 */
import { Registry, type Metric } from 'prom-client';
import type { Labels } from '@/lib/metrics/types';
import { SharedExposition, type SharedExpositionOptions } from './exposition/shared-render';
import { leLabel } from './families';
import type { Family, SeriesStore } from './series-store';

/** One exposed sample, in the shape prom-client's Registry renders. */
interface ExposedValue {
  labels: Labels;
  value: number;
  metricName?: string;
}

/**
 * What prom-client's Registry reads from a registered metric (`registry.js`: `name`, `get()`, `reset()`). The
 * declared `Metric` type lists only prom-client's own classes, hence the single cast in {@link createRegistry}.
 */
interface Collector {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: string; aggregator: 'sum'; values: ExposedValue[] }>;
  reset(): void;
}

/** A prom-client Registry of a store's families whose text is the store's {@link SharedExposition}. */
export class StoreRegistry extends Registry {
  /** The exposition `metrics()` answers and `startMetricsServer` streams. */
  readonly exposition: SharedExposition;

  constructor(store: SeriesStore, options: SharedExpositionOptions = {}) {
    super();
    this.exposition = new SharedExposition(store, options);
    for (const family of Object.values(store.families)) {
      this.registerMetric(collector(store, family) as unknown as Metric);
    }
  }

  /** The exposition text (format 0.0.4), rendered at most once per tick. */
  override metrics(): Promise<string> {
    return this.exposition.text();
  }
}

/** A Registry whose metrics are the store's families, read at every scrape. */
export function createRegistry(store: SeriesStore, options: SharedExpositionOptions = {}): Registry {
  return new StoreRegistry(store, options);
}

function collector(store: SeriesStore, family: Family): Collector {
  const { name, help, kind } = family.spec;
  return {
    name,
    help,
    type: kind,
    aggregator: 'sum',
    get: async () => ({ name, help, type: kind, aggregator: 'sum', values: exposedValues(store, family) }),
    // The store is the truth; a registry reset must not lose the demo mesh's counters.
    reset: () => undefined,
  };
}

/** Every sample of a family as exposed: counters as they are, histograms as cumulative buckets, sum and count. */
export function exposedValues(store: SeriesStore, family: Family): ExposedValue[] {
  const values: ExposedValue[] = [];
  const { name, buckets = [] } = family.spec;
  for (const series of family.live.values()) {
    const at = (offset: number): number => store.totals[series.cell + offset] ?? 0;
    if (family.spec.kind === 'counter') {
      values.push({ labels: series.labels, value: at(0) });
      continue;
    }
    let cumulative = 0;
    [...buckets, Infinity].forEach((bound, i) => {
      cumulative += at(i);
      values.push({
        labels: { ...series.labels, le: leLabel(bound) },
        value: cumulative,
        metricName: `${name}_bucket`,
      });
    });
    values.push({ labels: series.labels, value: at(buckets.length + 1), metricName: `${name}_sum` });
    values.push({ labels: series.labels, value: at(buckets.length + 2), metricName: `${name}_count` });
  }
  return values;
}
