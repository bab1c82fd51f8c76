/**
 * Bounded history of counter increments, so that the direct metrics source can answer "how much did this grow
 * between t1 and t2" the way Prometheus answers it from its scrapes. Increments are kept per frame (a slice of
 * time), sparse (only the cells that moved), in tiers: short frames for the last two minutes (the graph's recent
 * sub-window reads them), fine frames for the recent past, then coarse frames, each tier merged from the one
 * before, dropped after the horizon. A frame remembers the time its ticks actually covered, and a window that
 * cuts through a frame takes the share of it that overlaps (traffic is assumed even within a frame).
 */

/** How much history to keep, and how finely. */
export interface HistoryOptions {
  /**
   * Length of a short frame, in seconds; default 1 (the demo's tick), so that the graph's recent sub-window of one
   * 5 s refresh reads the last 5 s, give or take a second. No short tier when it is not shorter than a fine frame.
   */
  shortSeconds?: number;
  /** How long short frames are kept before they are merged into fine ones, in seconds; default 120. */
  shortHorizonSeconds?: number;
  /** Length of a fine frame, in seconds; default 15 (Prometheus's usual scrape interval). */
  fineSeconds?: number;
  /** How long fine frames are kept before they are merged into coarse ones, in seconds; default 900 (15 min). */
  fineHorizonSeconds?: number;
  /** Length of a coarse frame, in seconds; default 600 (10 min). */
  coarseSeconds?: number;
  /** How long anything is kept, in seconds; default 86,400 (24 h). */
  horizonSeconds?: number;
}

/** The increments of one family in one frame: parallel arrays, cells ascending. */
interface Packed {
  cells: Uint32Array;
  deltas: Float32Array;
}

interface Frame {
  /** Time the frame's ticks covered: (start, end], in ms since the epoch. */
  start: number;
  end: number;
  /** Which frame of the next tier it belongs to (or, in the last tier, which it is). */
  slot: number;
  byFamily: Map<number, Packed>;
}

/** Frames of one length, kept for one horizon before they are merged into the next tier's (or dropped). */
interface Tier {
  frameMs: number;
  horizonMs: number;
  frames: Frame[];
}

/** The increments of the frame being filled: dense per cell, with the cells touched per family. */
class OpenFrame {
  readonly touched = new Map<number, number[]>();
  constructor(
    readonly index: number,
    public start: number,
    public end: number,
  ) {}
}

/** The tiered history. Cells are small integers handed out by the series store; families are indexes. */
export class History {
  readonly fineMs: number;
  readonly fineHorizonMs: number;
  readonly coarseMs: number;
  readonly horizonMs: number;
  /** Shortest frames first; the last tier is the coarse one. */
  private readonly tiers: Tier[];
  private open: OpenFrame | null = null;
  private dense = new Float64Array(1024);

  constructor(options: HistoryOptions = {}) {
    this.fineMs = (options.fineSeconds ?? 15) * 1000;
    this.fineHorizonMs = (options.fineHorizonSeconds ?? 900) * 1000;
    this.coarseMs = Math.max(this.fineMs, (options.coarseSeconds ?? 600) * 1000);
    this.horizonMs = Math.max(this.fineHorizonMs, (options.horizonSeconds ?? 86_400) * 1000);
    const shortMs = (options.shortSeconds ?? 1) * 1000;
    const short: Tier[] =
      shortMs < this.fineMs
        ? [{ frameMs: shortMs, horizonMs: (options.shortHorizonSeconds ?? 120) * 1000, frames: [] }]
        : [];
    this.tiers = [
      ...short,
      { frameMs: this.fineMs, horizonMs: this.fineHorizonMs, frames: [] },
      { frameMs: this.coarseMs, horizonMs: this.horizonMs, frames: [] },
    ];
  }

  /** Length of the shortest frames, in seconds: the finest interval a window can be told apart by. */
  get resolutionSeconds(): number {
    return this.first.frameMs / 1000;
  }

  /** Starts the tick that covers (atMs - seconds, atMs]; closes the open frame when the tick falls past it. */
  beginTick(atMs: number, seconds: number): void {
    const index = Math.floor(atMs / this.first.frameMs);
    if (this.open && this.open.index !== index) this.close(this.open);
    const start = atMs - Math.max(0, seconds) * 1000;
    if (!this.open || this.open.index !== index) this.open = new OpenFrame(index, start, atMs);
    this.open.start = Math.min(this.open.start, start);
    this.open.end = Math.max(this.open.end, atMs);
    this.compact(atMs);
  }

  /** Adds an increment of a cell of a family to the open frame (call {@link beginTick} first). */
  add(family: number, cell: number, amount: number): void {
    const open = this.open;
    if (!open || amount === 0) return;
    if (cell >= this.dense.length) {
      const grown = new Float64Array(Math.max(cell + 1, this.dense.length * 2));
      grown.set(this.dense);
      this.dense = grown;
    }
    if (this.dense[cell] === 0) {
      const list = open.touched.get(family);
      if (list) list.push(cell);
      else open.touched.set(family, [cell]);
    }
    this.dense[cell] = (this.dense[cell] ?? 0) + amount;
  }

  /**
   * Adds each cell's increase within (fromMs, toMs] into `into[cell]`, taking the overlapping share of frames the
   * window cuts. `into` must be long enough for every cell of the family.
   */
  accumulate(family: number, fromMs: number, toMs: number, into: Float64Array): void {
    for (const frame of this.tiers.flatMap((tier) => tier.frames)) {
      const share = overlapShare(frame.start, frame.end, fromMs, toMs);
      const packed = share > 0 ? frame.byFamily.get(family) : undefined;
      if (!packed) continue;
      for (let i = 0; i < packed.cells.length; i++) {
        const cell = packed.cells[i] ?? 0;
        into[cell] = (into[cell] ?? 0) + (packed.deltas[i] ?? 0) * share;
      }
    }
    const open = this.open;
    const share = open ? overlapShare(open.start, open.end, fromMs, toMs) : 0;
    for (const cell of (share > 0 && open?.touched.get(family)) || []) {
      into[cell] = (into[cell] ?? 0) + (this.dense[cell] ?? 0) * share;
    }
  }

  /** The earliest time the history still covers, in ms (or null when empty). */
  oldestMs(): number | null {
    for (const tier of [...this.tiers].reverse()) if (tier.frames[0]) return tier.frames[0].start;
    return this.open?.start ?? null;
  }

  /** Sparse entries held, for memory estimates (each costs 8 bytes plus array overhead). */
  entryCount(): number {
    let count = 0;
    for (const frame of this.tiers.flatMap((tier) => tier.frames)) {
      for (const packed of frame.byFamily.values()) count += packed.cells.length;
    }
    return count;
  }

  private close(open: OpenFrame): void {
    const byFamily = new Map<number, Packed>();
    for (const [family, cells] of open.touched) {
      cells.sort((a, b) => a - b);
      const deltas = new Float32Array(cells.length);
      cells.forEach((cell, i) => {
        deltas[i] = this.dense[cell] ?? 0;
        this.dense[cell] = 0;
      });
      byFamily.set(family, { cells: Uint32Array.from(cells), deltas });
    }
    const first = this.first;
    const next = this.tiers[1] ?? first;
    const slot = Math.floor((open.index * first.frameMs) / next.frameMs);
    first.frames.push({ start: open.start, end: open.end, slot, byFamily });
    this.open = null;
  }

  private get first(): Tier {
    return this.tiers[0] as Tier;
  }

  /**
   * Merges a tier's frames into the next tier once the whole frame they make there is past the tier's horizon,
   * shortest tier first; drops what is past the last horizon.
   */
  private compact(nowMs: number): void {
    this.tiers.forEach((tier, i) => {
      const next = this.tiers[i + 1];
      if (next === undefined) {
        while (tier.frames[0] && tier.frames[0].end < nowMs - tier.horizonMs) tier.frames.shift();
        return;
      }
      const after = this.tiers[i + 2] ?? next;
      for (;;) {
        const first = tier.frames[0];
        if (!first || (first.slot + 1) * next.frameMs > nowMs - tier.horizonMs) break;
        const frames = tier.frames.filter((frame) => frame.slot === first.slot);
        tier.frames = tier.frames.filter((frame) => frame.slot !== first.slot);
        const slot = Math.floor((first.slot * next.frameMs) / after.frameMs);
        next.frames.push(merge(frames, slot));
      }
    });
  }
}

/** The share of (start, end] that lies within (from, to]; a frame of no length counts whole if its end is inside. */
function overlapShare(start: number, end: number, from: number, to: number): number {
  if (end <= start) return end > from && end <= to ? 1 : 0;
  const overlap = Math.min(end, to) - Math.max(start, from);
  return overlap <= 0 ? 0 : Math.min(1, overlap / (end - start));
}

function merge(frames: readonly Frame[], slot: number): Frame {
  const sums = new Map<number, Map<number, number>>();
  for (const frame of frames) {
    for (const [family, packed] of frame.byFamily) {
      const sum = sums.get(family) ?? new Map<number, number>();
      sums.set(family, sum);
      packed.cells.forEach((cell, i) => sum.set(cell, (sum.get(cell) ?? 0) + (packed.deltas[i] ?? 0)));
    }
  }
  const byFamily = new Map<number, Packed>();
  for (const [family, sum] of sums) {
    const cells = Uint32Array.from([...sum.keys()].sort((a, b) => a - b));
    byFamily.set(family, { cells, deltas: Float32Array.from(cells, (cell) => sum.get(cell) ?? 0) });
  }
  const start = Math.min(...frames.map((frame) => frame.start));
  const end = Math.max(...frames.map((frame) => frame.end));
  return { start, end, slot, byFamily };
}
