/** Collects findings with a cap per code, so a million bad rows cannot fill the memory. */
import { finding, type Code, type Finding } from "../domain/findings.js";

export const MAX_FINDINGS_PER_CODE = 1000;

export class FindingSink {
  readonly kept: Finding[] = [];
  errors = 0;
  warnings = 0;
  private readonly perCode = new Map<Code, number>();

  constructor(private readonly cap = MAX_FINDINGS_PER_CODE) {}

  add(f: Finding): void {
    if (f.severity === "error") this.errors++;
    else this.warnings++;
    const n = (this.perCode.get(f.code) ?? 0) + 1;
    this.perCode.set(f.code, n);
    if (n <= this.cap) this.kept.push(f);
  }

  addAll(fs: readonly Finding[]): void {
    for (const f of fs) this.add(f);
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
