/**
 * Renders the demo mesh's `/metrics` without holding the event loop and at most once per tick: the text is made in
 * chunks between which the loop runs, gzip-compressed off the loop (zlib works on libuv's thread pool), and the
 * compressed chunks are kept, so that every scrape of the same tick, even one arriving while the render runs, reads
 * the same render. Compressed, a 1,000-workload mesh's 200 MB of text is about 5 MB to keep.
 */
import { performance } from 'node:perf_hooks';
import { pipeline, type Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { constants, createGunzip, createGzip, type Gzip } from 'node:zlib';
import type { SeriesStore } from '../series-store';
import { BufferPool } from './buffer-pool';
import { DEFAULT_CHUNK_BYTES, expositionChunks } from './render-text';
import { RenderLog } from './render-log';

/** How to render. The defaults suit a 1,000-workload mesh. */
export interface SharedExpositionOptions {
  /** Bytes per rendered chunk; default {@link DEFAULT_CHUNK_BYTES}. */
  chunkBytes?: number;
  /** Longest run of rendering before the event loop gets a turn, in ms; default 10. */
  sliceMs?: number;
  /** zlib level; default 1 (fastest: about 1 GB/s and 40 times smaller on this repetitive text). */
  gzipLevel?: number;
}

/**
 * The exposition of one {@link SeriesStore}, shared by all its scrapes. A render is reused while the store is at
 * the tick it started at; a scrape arriving while a render runs joins it even if a tick came meanwhile (so there is
 * never more than one render at a time: each series in it is as of the moment it was written).
 */
export class SharedExposition {
  private current: RenderLog | null = null;
  private started = 0;
  private readonly pool: BufferPool;
  private readonly sliceMs: number;
  private readonly gzipLevel: number;

  constructor(
    private readonly store: SeriesStore,
    options: SharedExpositionOptions = {},
  ) {
    this.pool = new BufferPool(Math.max(1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
    this.sliceMs = Math.max(0, options.sliceMs ?? 10);
    this.gzipLevel = options.gzipLevel ?? constants.Z_BEST_SPEED;
  }

  /** How many renders have started so far. */
  get renders(): number {
    return this.started;
  }

  /** The body of one scrape: the gzip-compressed exposition, or (`gzip: false`) its plain text. */
  open(options: { gzip: boolean }): Readable {
    const compressed = this.render().reader();
    if (options.gzip) return compressed;
    return pipeline(compressed, createGunzip({ chunkSize: 256 * 1024 }), () => undefined);
  }

  /** The whole plain text, for in-process readers such as `Registry.metrics()`. */
  async text(): Promise<string> {
    const body = this.open({ gzip: false }).setEncoding('utf8');
    let text = '';
    // Bounded by the render's chunks; `+=` keeps the pieces joined lazily instead of copying them all at the end.
    for await (const part of body) text += part as string;
    return text;
  }

  /** The render to read: the running one, the finished one of this tick, or a new one. */
  private render(): RenderLog {
    const version = storeVersion(this.store);
    const current = this.current;
    if (current && !current.failed && (!current.finished || current.version === version)) return current;
    const log = new RenderLog(version);
    this.current = log;
    this.started += 1;
    const gzip = createGzip({ level: this.gzipLevel, chunkSize: 64 * 1024 });
    gzip.on('data', (chunk: Buffer) => log.append(chunk));
    gzip.on('end', () => log.finish(null));
    gzip.on('error', (error) => log.finish(error));
    const pool = this.pool;
    const chunks = expositionChunks(this.store, { chunkBytes: pool.size, take: (bytes) => pool.take(bytes) });
    feed(chunks, gzip, pool, this.sliceMs).catch((error: unknown) => {
      gzip.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return log;
  }
}

/**
 * What identifies the store's content: the latest tick's time, the exported series and the sum of all totals
 * (every increment is positive, so any recorded increment changes it; about 0.5 ms at 1,000 workloads). The time
 * alone would miss a tick recorded at the same time as the one before (the store then keeps its clock).
 */
export function storeVersion(store: SeriesStore): string {
  let sum = 0;
  const totals = store.totals;
  for (let i = 0; i < totals.length; i++) sum += totals[i] ?? 0;
  return `${store.latestMs}:${store.liveSeriesCount()}:${sum}`;
}

/**
 * Writes the chunks into `gzip`, each back to the pool once gzip has read it, giving the event loop a turn whenever
 * gzip asks to wait or `sliceMs` has passed, then ends it; stops if gzip is destroyed. Bounded by the chunks.
 */
async function feed(
  chunks: Iterator<Buffer, void>,
  gzip: Gzip,
  pool: BufferPool,
  sliceMs: number,
): Promise<void> {
  let sliceStart = performance.now();
  for (let next = chunks.next(); !next.done; next = chunks.next()) {
    if (gzip.destroyed) return;
    const chunk = next.value;
    if (!gzip.write(chunk, () => pool.release(chunk))) {
      await drainedOrClosed(gzip);
      sliceStart = performance.now();
    } else if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  if (!gzip.destroyed) gzip.end();
}

/** Resolves when `gzip` can take more, or is closed (after an error: then nothing more will come). */
function drainedOrClosed(gzip: Gzip): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      gzip.off('drain', done);
      gzip.off('close', done);
      resolve();
    };
    gzip.on('drain', done);
    gzip.on('close', done);
  });
}
