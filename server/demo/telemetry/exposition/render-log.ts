/**
 * The output of one render, kept as it grows: any number of readers replay it from the start and follow it until
 * it ends, each at its own pace, so a slow scraper never holds the render up and a late one misses nothing.
 */
import { Readable } from 'node:stream';

/** The chunks of one render, and whether (and how) it ended. */
export class RenderLog {
  private readonly chunks: Buffer[] = [];
  private readonly listeners = new Set<() => void>();
  private ended = false;
  private error: Error | null = null;

  /** `version` names the store content the render started from. */
  constructor(readonly version: string) {}

  /** Whether the render ended well. */
  get finished(): boolean {
    return this.ended && this.error === null;
  }

  /** Whether the render failed. */
  get failed(): boolean {
    return this.error !== null;
  }

  /** Adds a chunk; readers waiting for one get it. */
  append(chunk: Buffer): void {
    if (this.ended) return;
    this.chunks.push(chunk);
    this.notify();
  }

  /** Ends the render, with the error it failed with or null. Later calls are ignored. */
  finish(error: Error | null): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    this.notify();
  }

  /** A stream of the whole output, from the first chunk: it waits for more until the render ends. */
  reader(): Readable {
    let next = 0;
    let waiting: (() => void) | null = null;
    const pump = (): void => {
      waiting = null;
      // Bounded by the chunks appended so far.
      while (next < this.chunks.length) {
        const chunk = this.chunks[next++];
        if (chunk && !stream.push(chunk)) return;
      }
      if (this.error) stream.destroy(this.error);
      else if (this.ended) stream.push(null);
      else {
        waiting = pump;
        this.listeners.add(pump);
      }
    };
    const stream = new Readable({
      read: () => {
        if (!waiting) pump();
      },
      destroy: (error, callback) => {
        this.listeners.delete(pump);
        waiting = null;
        callback(error);
      },
    });
    return stream;
  }

  private notify(): void {
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener();
  }
}
