/** One streaming pass over a program's participant list: rows checked, list checked. */
import { stat } from "node:fs/promises";
import { createDistrictMatcher, createVillageMatcher, type VillageMatcher } from "../domain/area-names.js";
import { mapHeader, type HeaderMap } from "../domain/columns.js";
import { compareFindings, finding, isFatal } from "../domain/findings.js";
import { ListChecker } from "../domain/list-checks.js";
import { NikTable } from "../domain/nik-table.js";
import { maskNik } from "../domain/nik.js";
import type { Participant } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import { checkRow, columnIndex, type RowContext } from "../domain/row-check.js";
import { loadVillages } from "../io/area-data.js";
import { readCsv } from "../io/csv-read.js";
import { FindingSink, MAX_FINDINGS_PER_CODE } from "./finding-sink.js";
import type { ListResult, ScanOptions } from "./types.js";
import { displayPath, type Workspace } from "./workspace.js";

/** Counts for quotas: status `peserta`, or every row when the list has no status column. */
export function isInProgram(p: Participant, hasStatusColumn: boolean): boolean {
  return !hasStatusColumn || p.status === "peserta";
}

const villageCache = new Map<string, Promise<VillageMatcher>>();
function villageMatcher(region: string): Promise<VillageMatcher> {
  let m = villageCache.get(region);
  if (!m) {
    m = loadVillages(region).then(createVillageMatcher);
    villageCache.set(region, m);
  }
  return m;
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/** NIKs of one list (valid ones), for checks across programs. */
export interface ScanExtras {
  niks?: NikTable;
}

export async function scanList(ws: Workspace, program: Program, opts: ScanOptions = {}, extras: ScanExtras = {}): Promise<ListResult> {
  const file = displayPath(ws.cwd, program.participantsPath);
  const districts = ws.areas.districtsOf(program.region);
  const matchDistrict = createDistrictMatcher(districts).match;
  const villages = await villageMatcher(program.region);
  const sink = new FindingSink();
  const size = await stat(program.participantsPath).then((s) => s.size, () => 0);
  const niks = extras.niks ?? new NikTable(Math.ceil(size / 96));
  const checker = new ListChecker(program, file, niks);
  const result: ListResult = {
    program,
    file,
    header: [],
    columns: [],
    rows: 0,
    inProgram: 0,
    hasStatusColumn: false,
    hasAttendance: false,
    findings: [],
    errors: 0,
    warnings: 0,
    fatal: false,
    participants: [],
  };
  let ctx: RowContext | undefined;
  let map: HeaderMap | undefined;
  let headerLine = 1;
  let rowIndex = 0;

  const read = await readCsv(program.participantsPath, file, {
    onHeader(cells, line) {
      headerLine = line;
      result.header = cells;
      map = mapHeader(cells, file, program.days, line);
      result.columns = map.columns;
      sink.addAll(map.findings);
      result.hasStatusColumn = map.index.has("status");
      result.hasAttendance = map.days > 0;
      const structural = map.findings.some((f) => f.code === "CSV_HEADER_MISSING" || f.code === "CSV_HEADER_DUPLICATE");
      if (structural) return;
      const c: RowContext = { program, file, index: map.index, col: columnIndex(map.index, program.days), days: map.days, matchDistrict };
      if (map.index.has("desa")) c.matchVillage = (d, raw) => villages.match(d, raw);
      ctx = c;
    },
    onRow(cells, line) {
      if (isBlankRow(cells)) return;
      result.rows++;
      if (!ctx) return;
      const { participant: p, findings, nik } = checkRow(ctx, cells, line, rowIndex++);
      sink.addAll(findings);
      const inProgram = isInProgram(p, result.hasStatusColumn);
      const dup = checker.add(p, nik, inProgram, ctx.index);
      if (dup) {
        sink.add(dup);
        p.errors.push("NIK_DUPLICATE");
      }
      if (inProgram) {
        result.inProgram++;
        for (const e of p.ineligible) sink.add(finding(e.code, file, { line, field: fieldOf(e.code) }, { reason: e.reason, ...e.args }));
      }
      opts.onParticipant?.(p, program);
      if (opts.keep) result.participants.push(p);
    },
    onProgress: opts.onProgress ? (b, t) => opts.onProgress?.(b, t, program) : undefined,
  });
  for (const f of read.findings) sink.add(f);
  if (read.findings.some(isFatal)) result.fatal = true;
  if (!result.fatal && ctx) {
    const summary = checker.finish(districts, headerLine);
    sink.addAll(summary.findings);
    result.coverage = {
      region: program.region,
      regionName: ws.areas.regency(program.region)?.name ?? program.region,
      districts,
      covered: summary.covered,
      missing: summary.missing,
    };
  }
  result.findings = [...sink.kept, ...sink.truncation(file)].sort(compareFindings);
  result.errors = sink.errors;
  result.warnings = sink.warnings;
  return result;
}

function fieldOf(code: string): string {
  if (code === "AGE_OUT_OF_RANGE") return "tanggal_lahir";
  if (code === "SEX_NOT_ELIGIBLE") return "jenis_kelamin";
  return "disabilitas";
}

/** scanList for each program, then the same NIK in two programs of one fiscal year (PERSON_REPEATED). */
export async function scanPrograms(ws: Workspace, opts: ScanOptions & { programs?: Program[] } = {}): Promise<ListResult[]> {
  const programs = opts.programs ?? ws.programs;
  const results: ListResult[] = [];
  const byYear = new Map<number, NikTable>();
  const perYear = new Map<number, number>();
  for (const p of programs) perYear.set(p.fiscalYear, (perYear.get(p.fiscalYear) ?? 0) + 1);
  for (const program of programs) {
    const size = await stat(program.participantsPath).then((s) => s.size, () => 0);
    const niks = new NikTable(Math.ceil(size / 96));
    const r = await scanList(ws, program, opts, { niks });
    results.push(r);
    // a program alone in its year cannot repeat anyone: skip a pass over its NIKs
    if (r.fatal || (perYear.get(program.fiscalYear) ?? 0) < 2) continue;
    let year = byYear.get(program.fiscalYear);
    if (!year) byYear.set(program.fiscalYear, (year = new NikTable()));
    let repeated = 0;
    for (const [nik, line] of niks.entries()) {
      // value: program index (high bits) and line, so the finding can point at the first one
      const first = year.add(nik, results.length - 1);
      if (first !== undefined) {
        const other = programs[first];
        if (++repeated <= MAX_FINDINGS_PER_CODE) {
          r.findings.push(finding("PERSON_REPEATED", r.file, { line, field: "nik" }, { nik: maskNik(nik), other: other?.id }));
        }
        r.warnings++;
      }
    }
    if (repeated > MAX_FINDINGS_PER_CODE) {
      r.findings.push(finding("FINDINGS_TRUNCATED", r.file, {}, { code: "PERSON_REPEATED", shown: MAX_FINDINGS_PER_CODE, total: repeated }));
    }
    r.findings.sort(compareFindings);
  }
  return results;
}
