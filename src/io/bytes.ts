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

  /**
   * For code that writes bytes itself: room for `bytes` more, and the buffer to put them in
   * from `length` on; then `advance` to where it stopped. Valid until the next call here.
   */
  reserve(bytes: number): Uint8Array {
    this.room(bytes);
    return this.buf;
  }

  /** The end of what was put into the buffer reserve() gave, as a position in it. */
  advance(to: number): void {
    this.pos = to;
  }

  /** Appends text as UTF-8. */
  write(text: string): void {
    // a UTF-16 code unit takes at most 3 bytes in UTF-8
    this.room(text.length * 3);
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /** Appends a binary string, one byte per character (its code & 255). */
  latin1(text: string): void {
    this.room(text.length);
    this.pos += this.buf.write(text, this.pos, "latin1");
  }

  /** Forgets what was written (the buffer is used again). */
  clear(): void {
    this.pos = 0;
  }

  /** Appends short text as UTF-8 (ASCII in JavaScript: a native call costs more than the copy). */
  writeShort(text: string): void {
    const n = text.length;
    if (n > 64) {
      this.write(text);
      return;
    }
    this.room(n * 3);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        // not ASCII: the whole text again, encoded natively
        this.pos += buf.write(text, this.pos, "utf8");
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /**
   * Appends short text when it is printable ASCII (space included) without any of `stops`
   * (byte values; at most 4, the rest repeated) and returns true; otherwise writes nothing
   * and returns false, for the caller to render the text the slow way.
   */
  writePlain(text: string, s1: number, s2: number, s3: number, s4: number): boolean {
    const n = text.length;
    if (n > 64) return false;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f || c === s1 || c === s2 || c === s3 || c === s4) return false;
      buf[p++] = c;
    }
    this.pos = p;
    return true;
  }

  /** Appends one byte. */
  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** Appends bytes [start, end) of `from`. */
  copy(from: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.room(n);
    if (n <= 128) {
      // a row's cells: byte by byte, without a view of `from` made for each
      const buf = this.buf;
      let p = this.pos;
      for (let i = start; i < end; i++) buf[p++] = from[i] as number;
      this.pos = p;
      return;
    }
    // Uint8Array's own set: Buffer.copy checks its arguments in JavaScript first, which
    // costs more than the copy for a row of a few hundred bytes
    this.buf.set(Uint8Array.prototype.subarray.call(from, start, end), this.pos);
    this.pos += end - start;
  }

  /** Appends a few bytes (a text encoded once with `encode`, then written for many rows). */
  put(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    // byte by byte: cheaper than any native call for a short run
    if (n <= 64) for (let i = 0; i < n; i++) buf[p++] = bytes[i] as number;
    else {
      buf.set(bytes, p);
      p += n;
    }
    this.pos = p;
  }

  /** Appends a whole number >= 0 in decimal digits. */
  int(n: number): void {
    this.room(16);
    const buf = this.buf;
    let p = this.pos + decimalDigits(n);
    this.pos = p;
    let m = n;
    do {
      buf[--p] = 48 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
  }

  /** The bytes written (a view: write no more after taking it). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** How many decimal digits a whole number >= 0 has (as ByteWriter.int writes it). */
export function decimalDigits(n: number): number {
  let k = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) k++;
  return k;
}

/** A text's UTF-8 bytes, for ByteWriter.put. */
export function encode(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
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
    this.close();
  }

  /** Ends the text written since the last one (with writeShort(), byte() ...): it is added. */
  close(): void {
    if (this.n === this.ends.length) {
      const next = new Float64Array(this.n * 2);
      next.set(this.ends);
      this.ends = next;
    }
    this.ends[this.n++] = this.pos;
  }

  /** Where text `i` starts in view(). */
  startOf(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  /** Where text `i` ends in view(). */
  endOf(i: number): number {
    return this.ends[i] as number;
  }

  /** The buffer, to read texts from with startOf and endOf (valid until more is added). */
  view(): Uint8Array {
    return this.buf;
  }

  /** Appends text `i` to `out`. */
  copyTo(i: number, out: ByteWriter): void {
    out.copy(this.buf, this.startOf(i), this.ends[i] as number);
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
    return this.buf.toString("utf8", this.startOf(i), this.ends[i] as number);
  }
}

/**
 * Texts that differ only in a whole number at their end, as a document writes them
 * (`render(key, n)`, e.g. a reserve's reason "kursi penuh, cadangan ke-3" in a CSV cell):
 * the bytes before and after the number depend only on the key when digits are never
 * escaped or quoted, so they are encoded once for each key.
 */
export class NumberedText {
  private readonly parts = new Map<string, [Uint8Array, Uint8Array]>();

  constructor(private readonly render: (key: string, n: number) => string) {}

  write(out: ByteWriter, key: string, n: number): void {
    let p = this.parts.get(key);
    if (p === undefined) {
      const one = this.render(key, 1);
      const at = one.lastIndexOf("1");
      this.parts.set(key, (p = [encode(one.slice(0, at)), encode(one.slice(at + 1))]));
    }
    out.put(p[0]);
    out.int(n);
    out.put(p[1]);
  }
}
