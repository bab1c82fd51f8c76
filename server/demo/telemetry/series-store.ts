/**
 * The demo mesh's counters: every exported series with its running totals, the one source of truth that both the
 * `/metrics` exposition and the direct metrics source read. Values live in "cells" (one per counter, and per
 * histogram bucket, `_sum` and `_count`), so that the history can record increments compactly. Series idle for
 * longer than the expiry stop being exported (like Istio's stats `metric_expiry_duration`), so an edge that stopped
 * carrying traffic disappears from both sources instead of staying at zero forever.
 */
import type { Labels } from '@/lib/metrics/types';
import { FAMILIES, type FamilyKey, type FamilySpec } from './families';
import { History, type HistoryOptions } from './history';

/** One exported series (for a histogram: one label set with all its buckets). */
export interface Series {
  readonly family: Family;
  /** The exported labels, without `le`. */
  readonly labels: Labels;
  readonly key: string;
  /** First cell: a counter has one; a histogram has buckets + 1 (per bucket, not cumulative), then sum, count. */
  readonly cell: number;
  readonly createdMs: number;
  lastActiveMs: number;
  /** When it stopped being exported; null while it is. */
  expiredMs: number | null;
  /** The fraction of a request or connection not yet counted (counters stay whole numbers). */
  carry: number;
}

/** One metric family and its series. */
export interface Family {
  readonly key: FamilyKey;
  readonly index: number;
  readonly spec: FamilySpec;
  /** Cells per series. */
  readonly width: number;
  /** Exported series by label key. */
  readonly live: Map<string, Series>;
  /** Exported series plus expired ones the history still holds increments of. */
  readonly all: Set<Series>;
}

/** Options of the {@link SeriesStore}. */
export interface SeriesStoreOptions {
  history?: HistoryOptions;
  /** Stop exporting a series after this many seconds without increments; default 300. */
  expirySeconds?: number;
}

const SWEEP_EVERY_MS = 10_000;

/** All series of all families, their totals and their history. */
export class SeriesStore {
  readonly families: Readonly<Record<FamilyKey, Family>>;
  readonly history: History;
  /** Running totals per cell. */
  totals = new Float64Array(4096);
  /** Time of the latest tick, ms since the epoch; null before the first. */
  latestMs: number | null = null;
  private readonly expiryMs: number;
  private nextCell = 0;
  private readonly free = new Map<number, number[]>();
  private lastSweepMs = -Infinity;

  constructor(options: SeriesStoreOptions = {}) {
    this.history = new History(options.history);
    this.expiryMs = (options.expirySeconds ?? 300) * 1000;
    const entries = (Object.entries(FAMILIES) as [FamilyKey, FamilySpec][]).map(
      ([key, spec], index): [FamilyKey, Family] => [
        key,
        {
          key,
          index,
          spec,
          width: spec.kind === 'histogram' ? (spec.buckets?.length ?? 0) + 3 : 1,
          live: new Map(),
          all: new Set(),
        },
      ],
    );
    this.families = Object.fromEntries(entries) as Record<FamilyKey, Family>;
  }

  /** Starts a tick ending at `atMs` (ms since the epoch) that lasted `seconds`; time never runs backwards. */
  beginTick(atMs: number, seconds: number): number {
    const now = Math.max(atMs, this.latestMs ?? -Infinity);
    this.latestMs = now;
    this.history.beginTick(now, seconds);
    if (now - this.lastSweepMs >= SWEEP_EVERY_MS) this.sweep(now);
    return now;
  }

  /** The series of a family with these labels, created (exported from now on) when missing. */
  series(familyKey: FamilyKey, labels: Labels, key: string): Series {
    const family = this.families[familyKey];
    const existing = family.live.get(key);
    if (existing) return existing;
    const now = this.latestMs ?? 0;
    const series: Series = {
      family,
      labels,
      key,
      cell: this.allocate(family.width),
      createdMs: now,
      lastActiveMs: now,
      expiredMs: null,
      carry: 0,
    };
    family.live.set(key, series);
    family.all.add(series);
    return series;
  }

  /** Adds `amount` to cell `offset` of a series, in the totals and the history. */
  add(series: Series, offset: number, amount: number): void {
    if (!(amount > 0)) return;
    const cell = series.cell + offset;
    this.totals[cell] = (this.totals[cell] ?? 0) + amount;
    this.history.add(series.family.index, cell, amount);
    series.lastActiveMs = this.latestMs ?? series.lastActiveMs;
  }

  /** The number of series exported now, for tests and memory estimates. */
  liveSeriesCount(): number {
    return Object.values(this.families).reduce((n, family) => n + family.live.size, 0);
  }

  private allocate(width: number): number {
    const reused = this.free.get(width)?.pop();
    if (reused !== undefined) return reused;
    const cell = this.nextCell;
    this.nextCell += width;
    if (this.nextCell > this.totals.length) {
      const grown = new Float64Array(Math.max(this.nextCell, this.totals.length * 2));
      grown.set(this.totals);
      this.totals = grown;
    }
    return cell;
  }

  /** Expires idle series and frees the cells of those the history no longer mentions. */
  private sweep(now: number): void {
    this.lastSweepMs = now;
    const forgetBefore = now - this.history.horizonMs - this.history.coarseMs;
    for (const family of Object.values(this.families)) {
      for (const series of family.all) {
        if (series.expiredMs === null && series.lastActiveMs < now - this.expiryMs) {
          series.expiredMs = now;
          family.live.delete(series.key);
        }
        if (series.expiredMs !== null && series.lastActiveMs < forgetBefore) {
          family.all.delete(series);
          this.totals.fill(0, series.cell, series.cell + family.width);
          const list = this.free.get(family.width) ?? [];
          list.push(series.cell);
          this.free.set(family.width, list);
        }
      }
    }
  }
}
