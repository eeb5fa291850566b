/** Collects findings with a cap per code, so a million bad rows cannot fill the memory. */
import { CODES, finding, type Code, type Finding } from "../domain/findings.js";

export const MAX_FINDINGS_PER_CODE = 1000;

/**
 * A sink's content for merging, from a thread that read the second part of a list. `seqs[i]`
 * is the arrival number of `kept[i]`; numbers skipped by `reserve` are where findings made
 * later by the merging thread belong.
 */
export interface SinkPart {
  kept: Finding[];
  seqs: number[];
  counts: [Code, number][];
}

export class FindingSink {
  readonly kept: Finding[] = [];
  errors = 0;
  warnings = 0;
  private readonly perCode = new Map<Code, number>();
  /** Arrival numbers of `kept`, only when asked for (a part to merge). */
  private readonly seqs: number[] | undefined;
  private seq = 0;

  constructor(
    private readonly cap = MAX_FINDINGS_PER_CODE,
    opts: { numbered?: boolean } = {},
  ) {
    this.seqs = opts.numbered ? [] : undefined;
  }

  add(f: Finding): void {
    if (f.severity === "error") this.errors++;
    else this.warnings++;
    const n = (this.perCode.get(f.code) ?? 0) + 1;
    this.perCode.set(f.code, n);
    if (n <= this.cap) {
      this.kept.push(f);
      this.seqs?.push(this.seq);
    }
    this.seq++;
  }

  /** `n` findings of `code` past the cap, made elsewhere only as a count. */
  addCounted(code: Code, n: number): void {
    if (n <= 0) return;
    this.perCode.set(code, (this.perCode.get(code) ?? 0) + n);
    if (CODES[code] === "error") this.errors += n;
    else this.warnings += n;
  }

  addAll(fs: readonly Finding[]): void {
    for (const f of fs) this.add(f);
  }

  /** An arrival number for a finding the merging thread may add in this place. */
  reserve(): number {
    return this.seq++;
  }

  part(): SinkPart {
    return { kept: this.kept, seqs: this.seqs ?? [], counts: [...this.perCode] };
  }

  /**
   * Adds a part read after everything in this sink, as if its findings had arrived here one
   * by one: `later` are findings for the part's reserved places, in their order. Caps and
   * the order codes were first seen (the order of FINDINGS_TRUNCATED) come out the same.
   */
  merge(part: SinkPart, later: readonly { seq: number; finding: Finding }[]): void {
    const kept = new Map<Code, number>();
    let i = 0;
    let j = 0;
    while (i < part.kept.length || j < later.length) {
      const a = part.seqs[i] ?? Infinity;
      const b = later[j]?.seq ?? Infinity;
      const f = a < b ? (part.kept[i++] as Finding) : ((later[j++] as { finding: Finding }).finding);
      if (a < b) kept.set(f.code, (kept.get(f.code) ?? 0) + 1);
      this.add(f);
    }
    // the part's findings past its own cap: counted, never kept (this sink's cap is reached first)
    for (const [code, total] of part.counts) this.addCounted(code, total - (kept.get(code) ?? 0));
  }

  /** FINDINGS_TRUNCATED for every code that went over the cap. */
  truncation(file: string): Finding[] {
    const out: Finding[] = [];
    for (const [code, total] of this.perCode) {
      if (total > this.cap) out.push(finding("FINDINGS_TRUNCATED", file, {}, { code, shown: this.cap, total }));
    }
    return out;
  }
}
