/**
 * A few reusable Buffers for the renderer's chunks: a render of a 1,000-workload mesh writes 200 MB, and fresh
 * Buffers for it (memory outside the JavaScript heap) make the garbage collector run far more, which costs more than
 * the rendering itself. A chunk handed to gzip comes back once gzip has read it.
 */

/** Buffers of one size, handed out and given back. */
export class BufferPool {
  private readonly free: Buffer[] = [];

  /** `size`: the usual buffer's bytes; `keep`: how many free buffers to keep at most. */
  constructor(
    readonly size: number,
    private readonly keep = 8,
  ) {}

  /** A buffer of at least `bytes` (the usual size when that is enough), its content undefined. */
  take(bytes: number): Buffer {
    if (bytes > this.size) return Buffer.allocUnsafeSlow(bytes);
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  /** Gives back a buffer from {@link take}, or a view of one; it must not be read or written afterwards. */
  release(view: Buffer): void {
    const memory = view.buffer;
    if (memory.byteLength !== this.size || this.free.length >= this.keep) return;
    if (this.free.some((buffer) => buffer.buffer === memory)) return;
    this.free.push(Buffer.from(memory, 0, memory.byteLength));
  }
}
