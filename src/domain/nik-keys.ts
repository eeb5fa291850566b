/**
 * Distinct people across programs at a million rows: each counted row's NIK is kept as two
 * 8-digit halves plus its packed breakdown key in growable typed arrays (12 bytes a row, no
 * strings), and the year's set of people is an open-addressing table over the halves.
 */
import { NikTable } from "./nik-table.js";

const EMPTY = 0xffffffff;

/** NIK halves and keys of one program's counted rows, in row order. */
export class NikKeyList {
  private data = new Uint32Array(3 * 1024);
  length = 0;

  /** `nik` must be a valid 16-digit NIK (counted rows have no NIK error). */
  push(nik: string, key: number): void {
    if ((this.length + 1) * 3 > this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const o = this.length * 3;
    this.data[o] = NikTable.half(nik, 0);
    this.data[o + 1] = NikTable.half(nik, 8);
    this.data[o + 2] = key;
    this.length++;
  }

  forEach(fn: (hi: number, lo: number, key: number) => void): void {
    const d = this.data;
    for (let o = 0; o < this.length * 3; o += 3) fn(d[o] as number, d[o + 1] as number, d[o + 2] as number);
  }
}

/** A set of NIKs (as halves) sized for `capacity` entries up front. */
export class NikHalfSet {
  private readonly t: Uint32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.t = new Uint32Array(cap * 2).fill(EMPTY);
    this.mask = cap - 1;
  }

  /** true when the NIK was not in the set (and is now). */
  add(hi: number, lo: number): boolean {
    const t = this.t;
    let i = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
    for (;;) {
      const o = i * 2;
      const x = t[o];
      if (x === EMPTY) {
        t[o] = hi;
        t[o + 1] = lo;
        this.size++;
        return true;
      }
      if (x === hi && t[o + 1] === lo) return false;
      i = (i + 1) & this.mask;
    }
  }
}
