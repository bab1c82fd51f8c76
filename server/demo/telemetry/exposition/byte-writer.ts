/**
 * Writes exposition text straight into a Buffer: short ASCII pieces (metric names, `le` values, numbers) by a plain
 * loop, a series' label string once with one UTF-8 encode, and the same bytes again by an in-buffer copy. Building
 * 200 MB of text as JavaScript strings instead costs more in joining the pieces than in making them, and leaves as
 * much garbage.
 */

/** A Buffer being filled from the start. */
export class ByteWriter {
  /** Bytes written so far. */
  pos = 0;

  constructor(private buf: Buffer) {}

  /** Whether `bytes` more fit. */
  fits(bytes: number): boolean {
    return this.pos + bytes <= this.buf.length;
  }

  /** The bytes written so far (a view, not a copy), and a new buffer to fill from the start. */
  swap(next: Buffer): Buffer {
    const written = this.buf.subarray(0, this.pos);
    this.buf = next;
    this.pos = 0;
    return written;
  }

  /** Writes a string whose characters are all ASCII (the caller's promise: names, numbers, `le` values). */
  ascii(text: string): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Writes any string as UTF-8 (the caller made room: `Buffer.byteLength(text)` bytes). */
  utf8(text: string): void {
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** Writes again `length` bytes already written at `from`. */
  repeat(from: number, length: number): void {
    this.buf.copyWithin(this.pos, from, from + length);
    this.pos += length;
  }
}
