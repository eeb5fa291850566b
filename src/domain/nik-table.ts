/**
 * A set of NIKs with one number each (a line), for duplicate checks on lists of millions
 * of rows. A Map keyed by strings or by 16-digit numbers costs ~100 bytes an entry and,
 * with doubles as keys, hashes slowly; here a NIK is two 8-digit halves in typed arrays
 * (open addressing, linear probing): 12 bytes a slot, no garbage.
 */
const EMPTY = 0xffffffff;

function half(nik: string, from: number): number {
  let n = 0;
  for (let i = from; i < from + 8; i++) n = n * 10 + (nik.charCodeAt(i) - 48);
  return n;
}

export class NikTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private val: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.hi = new Uint32Array(cap).fill(EMPTY);
    this.lo = new Uint32Array(cap);
    this.val = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  private slot(h: number, l: number): number {
    let i = (Math.imul(h ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
    while (this.hi[i] !== EMPTY && (this.hi[i] !== h || this.lo[i] !== l)) i = (i + 1) & this.mask;
    return i;
  }

  /** The value stored for a valid 16-digit NIK, or undefined. */
  get(nik: string): number | undefined {
    const i = this.slot(half(nik, 0), half(nik, 8));
    return this.hi[i] === EMPTY ? undefined : this.val[i];
  }

  /** Stores `value` unless the NIK is there; returns the value already stored, if any. */
  add(nik: string, value: number): number | undefined {
    const h = half(nik, 0);
    const l = half(nik, 8);
    const i = this.slot(h, l);
    if (this.hi[i] !== EMPTY) return this.val[i];
    this.hi[i] = h;
    this.lo[i] = l;
    this.val[i] = value;
    if (++this.size * 2 > this.mask) this.grow();
    return undefined;
  }

  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i <= this.mask; i++) {
      const h = this.hi[i] as number;
      if (h === EMPTY) continue;
      yield [String(h).padStart(8, "0") + String(this.lo[i]).padStart(8, "0"), this.val[i] as number];
    }
  }

  private grow(): void {
    const { hi, lo, val } = this;
    const cap = hi.length * 2;
    this.hi = new Uint32Array(cap).fill(EMPTY);
    this.lo = new Uint32Array(cap);
    this.val = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < hi.length; j++) {
      const h = hi[j] as number;
      if (h === EMPTY) continue;
      const i = this.slot(h, lo[j] as number);
      this.hi[i] = h;
      this.lo[i] = lo[j] as number;
      this.val[i] = val[j] as number;
    }
  }
}
