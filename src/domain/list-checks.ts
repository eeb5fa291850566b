/**
 * Checks on a list as a whole, fed row by row so nothing but counts and NIK keys is kept:
 * duplicate NIKs, Excel-damaged NIK columns, quotas and coverage.
 */
import { finding, type Finding } from "./findings.js";
import { maskNik, type NikOk } from "./nik.js";
import type { AreaRef, Participant } from "./participant.js";
import type { GroupQuota, Program } from "./program.js";
import { foldHeader } from "./columns.js";
import { NikTable } from "./nik-table.js";
import { parseSex } from "./values.js";

/** Whether a participant's value in `field` is `value` (case- and punctuation-insensitive). */
export function groupMatches(p: Participant, q: GroupQuota, index: ReadonlyMap<string, number>): boolean {
  const want = foldHeader(q.value);
  switch (q.field) {
    case "jenis_kelamin": {
      const sex = parseSex(q.value);
      return sex.ok && sex.value !== undefined && p.sex === sex.value;
    }
    case "disabilitas":
      return want === "ya" ? p.disabilities.length > 0 : p.disabilities.some((d) => d === want);
    case "kecamatan":
      return p.district !== undefined && foldHeader(p.district.name) === want;
    default:
      return foldHeader(p.cells[index.get(q.field) ?? -1] ?? "") === want;
  }
}

export interface ListSummary {
  findings: Finding[];
  covered: AreaRef[];
  missing: AreaRef[];
}

export class ListChecker {
  private validNiks = 0;
  private endingInZero = 0;
  private inProgram = 0;
  private readonly perDistrict = new Map<string, { ref: AreaRef; count: number; overLine?: number }>();
  private readonly groups: number[];
  private readonly findings: Finding[] = [];

  constructor(
    private readonly program: Program,
    private readonly file: string,
    /** Valid NIKs of the list with the line of their first row. */
    private readonly niks: NikTable = new NikTable(),
  ) {
    this.groups = program.quota.groups.map(() => 0);
  }

  /** `inProgram`: the row counts for quotas. Returns the duplicate finding, if any. */
  add(p: Participant, nik: NikOk | undefined, inProgram: boolean, index: ReadonlyMap<string, number>): Finding | undefined {
    let dup: Finding | undefined;
    if (nik) {
      this.validNiks++;
      if (nik.nik.charCodeAt(15) === 48) this.endingInZero++;
      const first = this.niks.add(nik.nik, p.line);
      if (first !== undefined) dup = finding("NIK_DUPLICATE", this.file, { line: p.line, field: "nik" }, { nik: maskNik(nik.nik), first });
    }
    if (!inProgram) return dup;
    this.inProgram++;
    if (p.district) {
      let d = this.perDistrict.get(p.district.code);
      if (d === undefined) this.perDistrict.set(p.district.code, (d = { ref: p.district, count: 0 }));
      d.count++;
      const cap = this.program.quota.perDistrict;
      if (cap !== undefined && d.count === cap + 1) d.overLine = p.line;
    }
    const groups = this.program.quota.groups;
    for (let i = 0; i < groups.length; i++) {
      if (groupMatches(p, groups[i] as GroupQuota, index)) this.groups[i] = (this.groups[i] ?? 0) + 1;
    }
    return dup;
  }

  finish(districts: readonly AreaRef[], headerLine: number): ListSummary {
    const { program, file } = this;
    const out = this.findings;
    if (this.validNiks >= 3 && this.endingInZero === this.validNiks) {
      out.push(finding("NIK_EXCEL_DAMAGE", file, { line: headerLine, field: "nik" }, { count: this.validNiks }));
    }
    if (this.inProgram > program.quota.total) {
      out.push(finding("QUOTA_TOTAL", file, { line: headerLine }, { count: this.inProgram, total: program.quota.total }));
    }
    const cap = program.quota.perDistrict;
    if (cap !== undefined) {
      for (const d of [...this.perDistrict.values()].sort((a, b) => a.ref.code.localeCompare(b.ref.code))) {
        if (d.count > cap) {
          out.push(finding("QUOTA_DISTRICT", file, { line: d.overLine ?? headerLine, field: "kecamatan" }, { district: d.ref.name, count: d.count, max: cap }));
        }
      }
    }
    program.quota.groups.forEach((q, i) => {
      const count = this.groups[i] ?? 0;
      if ((q.min !== undefined && count < q.min) || (q.max !== undefined && count > q.max)) {
        out.push(finding("QUOTA_GROUP", file, { line: headerLine, field: q.field }, { value: q.value, count, min: q.min, max: q.max }));
      }
    });
    const covered = districts.filter((d) => this.perDistrict.has(d.code));
    const missing = districts.filter((d) => !this.perDistrict.has(d.code));
    const min = program.quota.minDistricts;
    if (min !== undefined && covered.length < min) {
      out.push(finding("COVERAGE_LOW", file, { line: headerLine, field: "kecamatan" }, { covered: covered.length, min, total: districts.length }));
    }
    return { findings: out, covered, missing };
  }
}
