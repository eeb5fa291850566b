/**
 * Documents of 100,000 rows as bytes, not strings: a big text built by concatenation is a
 * tree of small strings that the garbage collector copies and walks until it is encoded.
 * Here text is encoded as soon as it is written, into one growing buffer.
 */

/** A growing buffer that text and bytes are appended to. */
export class ByteWriter {
  protected buf: Buffer;
  protected pos = 0;

  constructor(initial = 1 << 16) {
    // never a slice of Node's shared pool: the buffer may be handed to another thread
    // (transferred), which a pooled buffer cannot be
    this.buf = Buffer.allocUnsafeSlow(Math.max(16, initial));
  }

  get length(): number {
    return this.pos;
  }

  protected room(bytes: number): void {
    const need = this.pos + bytes;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Appends text as UTF-8. */
  write(text: string): void {
    // a UTF-16 code unit takes at most 3 bytes in UTF-8
    this.room(text.length * 3);
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /** Appends bytes [start, end) of `from`. */
  copy(from: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.pos += from.copy(this.buf, this.pos, start, end);
  }

  /** The bytes written (a view: write no more after taking it). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** A ByteArena's contents, to hand to another thread (its buffer can be transferred). */
export interface ArenaData {
  bytes: Uint8Array;
  ends: Float64Array;
}

/** Many short texts, one after another in one buffer, each found again by its number. */
export class ByteArena extends ByteWriter {
  private ends = new Float64Array(1024);
  private n = 0;

  /** How many texts were added. */
  get count(): number {
    return this.n;
  }

  /** Adds a text; its number is the count before. */
  add(text: string): void {
    this.write(text);
    if (this.n === this.ends.length) {
      const next = new Float64Array(this.n * 2);
      next.set(this.ends);
      this.ends = next;
    }
    this.ends[this.n++] = this.pos;
  }

  private start(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  /** Appends text `i` to `out`, without its first `skip` bytes. */
  copyTo(i: number, out: ByteWriter, skip = 0): void {
    out.copy(this.buf, this.start(i) + skip, this.ends[i] as number);
  }

  /** The texts as plain data: views of this arena's buffers, valid until it grows. */
  data(): ArenaData {
    return { bytes: this.bytes(), ends: this.ends.subarray(0, this.n) };
  }

  /** Adds every text of another arena's data, after the texts here. */
  append(other: ArenaData): void {
    const base = this.pos;
    this.copy(Buffer.from(other.bytes.buffer, other.bytes.byteOffset, other.bytes.byteLength), 0, other.bytes.byteLength);
    const n = other.ends.length;
    if (this.n + n > this.ends.length) {
      const next = new Float64Array(Math.max(this.ends.length * 2, this.n + n));
      next.set(this.ends.subarray(0, this.n));
      this.ends = next;
    }
    for (let k = 0; k < n; k++) this.ends[this.n + k] = base + (other.ends[k] as number);
    this.n += n;
  }

  /** Text `i` again. */
  text(i: number): string {
    return this.buf.toString("utf8", this.start(i), this.ends[i] as number);
  }
}
