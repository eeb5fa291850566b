/**
 * A set of NIKs with one number each (a line), for duplicate checks on lists of millions
 * of rows. A Map keyed by strings or by 16-digit numbers costs ~100 bytes an entry and,
 * with doubles as keys, hashes slowly; here a NIK is two 8-digit halves in typed arrays
 * (open addressing, linear probing): 12 bytes a slot, no garbage.
 */
const EMPTY = 0xffffffff;


export class NikTable {
  /** Slot i is t[3i] (first half, EMPTY when free), t[3i+1] (second half), t[3i+2] (value): one cache line per probe. */
  private t: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.t = new Uint32Array(cap * 3).fill(EMPTY);
    this.mask = cap - 1;
  }

  /** Offset of the slot holding the NIK, or of the free slot where it belongs. */
  private slot(h: number, l: number): number {
    const t = this.t;
    let i = (Math.imul(h ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
    for (;;) {
      const o = i * 3;
      const x = t[o];
      if (x === EMPTY || (x === h && t[o + 1] === l)) return o;
      i = (i + 1) & this.mask;
    }
  }

  /** The number written by the 8 digits of a 16-digit NIK from `from` (0 or 8). */
  static half(nik: string, from: number): number {
    let n = 0;
    for (let i = from; i < from + 8; i++) n = n * 10 + (nik.charCodeAt(i) - 48);
    return n;
  }

  /** The NIK of two halves. */
  static nikOf(h: number, l: number): string {
    return String(h).padStart(8, "0") + String(l).padStart(8, "0");
  }

  /** The value stored for a valid 16-digit NIK, or undefined. */
  get(nik: string): number | undefined {
    const o = this.slot(NikTable.half(nik, 0), NikTable.half(nik, 8));
    return this.t[o] === EMPTY ? undefined : this.t[o + 2];
  }

  /** Stores `value` unless the NIK is there; returns the value already stored, if any. */
  add(nik: string, value: number): number | undefined {
    return this.addHalves(NikTable.half(nik, 0), NikTable.half(nik, 8), value);
  }

  /** add() for a NIK given as its halves. */
  addHalves(h: number, l: number, value: number): number | undefined {
    const o = this.slot(h, l);
    const t = this.t;
    if (t[o] !== EMPTY) return t[o + 2];
    t[o] = h;
    t[o + 1] = l;
    t[o + 2] = value;
    if (++this.size * 2 > this.mask) this.grow();
    return undefined;
  }

  /** Each NIK as its halves with its value, in the same order as entries(), with no strings made. */
  forEachHalves(fn: (h: number, l: number, value: number) => void): void {
    const t = this.t;
    for (let o = 0; o < t.length; o += 3) {
      const h = t[o] as number;
      if (h !== EMPTY) fn(h, t[o + 1] as number, t[o + 2] as number);
    }
  }

  *entries(): IterableIterator<[string, number]> {
    const t = this.t;
    for (let o = 0; o < t.length; o += 3) {
      const h = t[o] as number;
      if (h === EMPTY) continue;
      yield [NikTable.nikOf(h, t[o + 1] as number), t[o + 2] as number];
    }
  }

  private grow(): void {
    const old = this.t;
    this.t = new Uint32Array(old.length * 2).fill(EMPTY);
    this.mask = (old.length * 2) / 3 - 1;
    for (let o = 0; o < old.length; o += 3) {
      const h = old[o] as number;
      if (h === EMPTY) continue;
      const n = this.slot(h, old[o + 1] as number);
      this.t[n] = h;
      this.t[n + 1] = old[o + 1] as number;
      this.t[n + 2] = old[o + 2] as number;
    }
  }
}
