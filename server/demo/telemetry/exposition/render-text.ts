/**
 * Renders the {@link SeriesStore} as exposition text, straight from its totals into Buffers: no sample objects, no
 * label maps, one label string per series whose bytes all its lines reuse. The text comes out in chunks, so that a
 * caller can hand each to a gzip stream and let the event loop run in between; the chunks joined are the whole text.
 */
import type { FamilySpec } from '../families';
import type { Series, SeriesStore } from '../series-store';
import { ByteWriter } from './byte-writer';
import { familyHeader, formatValue, labelPairs } from './text-format';
import { leLabel } from '../families';

/** Default size of a chunk, in bytes: about half a millisecond of rendering. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;

/** Room for what follows the labels on a line: `le` (≤ 7), `"} `, a number (≤ 24 characters) and the line feed. */
const TAIL_BYTES = 48;

/** How to cut the text into chunks. */
export interface ChunkOptions {
  /** Bytes per chunk (a series is never split, so a chunk may be a little shorter); default 256 KiB. */
  chunkBytes?: number;
  /** Hands out a buffer of at least `bytes` to fill; default a new one. A chunk is a view of such a buffer. */
  take?: (bytes: number) => Buffer;
}

/**
 * The exposition text of every exported series, in chunks. Families come in the store's order, series in export
 * order, separated by an empty line: the bytes prom-client's Registry writes for the same store.
 *
 * The store may change between two chunks (a tick may run while a consumer waits): each series is read whole when
 * it is written, so its buckets, sum and count always agree; series created meanwhile are included, series expired
 * meanwhile and not yet written are left out. `store.totals` is read afresh per series because a tick may grow it.
 */
export function* expositionChunks(
  store: SeriesStore,
  options: ChunkOptions = {},
): Generator<Buffer, void, undefined> {
  const chunkBytes = Math.max(1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const take = options.take ?? ((bytes: number): Buffer => Buffer.allocUnsafeSlow(bytes));
  const out = new ByteWriter(take(chunkBytes));
  let first = true;
  for (const family of Object.values(store.families)) {
    const header = `${first ? '' : '\n'}${familyHeader(family.spec)}`;
    first = false;
    const headerBytes = Buffer.byteLength(header);
    if (!out.fits(headerBytes)) yield out.swap(take(Math.max(chunkBytes, headerBytes)));
    out.utf8(header);
    // Bounded: a Map iterator visits each entry once, plus those added while it runs (one tick's worth each time).
    for (const series of family.live.values()) {
      const pairs = labelPairs(series.labels);
      const pairsBytes = Buffer.byteLength(pairs);
      const lines = family.spec.kind === 'counter' ? 1 : (family.spec.buckets?.length ?? 0) + 3;
      const bound = lines * (family.spec.name.length + 16 + pairsBytes + TAIL_BYTES);
      if (!out.fits(bound)) yield out.swap(take(Math.max(chunkBytes, bound)));
      writeSeries(out, family.spec, pairs, pairsBytes, cellReader(store, series));
    }
  }
  if (out.pos > 0) yield out.swap(Buffer.alloc(0));
}

/** The whole exposition text at once; for tests and small stores (a large mesh should stream the chunks). */
export function renderExposition(store: SeriesStore): string {
  return Buffer.concat([...expositionChunks(store)]).toString('utf8');
}

/** Reads a series' cells from the store's current totals (a counter's value; a histogram's cells). */
function cellReader(store: SeriesStore, series: Series): (offset: number) => number {
  const totals = store.totals;
  const cell = series.cell;
  return (offset) => totals[cell + offset] ?? 0;
}

/**
 * One series' lines. A histogram's cells are per bucket (not cumulative), then `_sum`, then `_count`, as the store
 * keeps them; its `_bucket{…,le="` prefix is written once and copied for the other buckets, its labels' bytes
 * copied for `_sum` and `_count`.
 */
function writeSeries(
  out: ByteWriter,
  spec: FamilySpec,
  pairs: string,
  pairsBytes: number,
  cell: (offset: number) => number,
): void {
  if (spec.kind === 'counter') {
    out.ascii(spec.name);
    if (pairsBytes > 0) {
      out.ascii('{');
      out.utf8(pairs);
      out.ascii('}');
    }
    out.ascii(` ${formatValue(cell(0))}\n`);
    return;
  }
  const buckets = spec.buckets ?? [];
  const start = out.pos;
  out.ascii(`${spec.name}_bucket{`);
  const pairsAt = out.pos;
  if (pairsBytes > 0) {
    out.utf8(pairs);
    out.ascii(',');
  }
  out.ascii('le="');
  const prefixBytes = out.pos - start;
  let cumulative = 0;
  for (let i = 0; i <= buckets.length; i++) {
    if (i > 0) out.repeat(start, prefixBytes);
    cumulative += cell(i);
    out.ascii(`${leLabel(buckets[i] ?? Infinity)}"} ${formatValue(cumulative)}\n`);
  }
  for (const [suffix, offset] of [
    ['_sum', buckets.length + 1],
    ['_count', buckets.length + 2],
  ] as const) {
    out.ascii(`${spec.name}${suffix}`);
    if (pairsBytes > 0) {
      out.ascii('{');
      out.repeat(pairsAt, pairsBytes);
      out.ascii('}');
    }
    out.ascii(` ${formatValue(cell(offset))}\n`);
  }
}
