/**
 * `pelatihan report --year Y`: the Renja evaluation with its GEDSI and coverage annexes,
 * in XLSX, CSV, Markdown and HTML, from one streaming pass over each list.
 */
import { join, resolve } from "node:path";
import { ProgramAccumulator, programQuarter } from "../domain/aggregate.js";
import type { Program } from "../domain/program.js";
import type { Quarter, YearFigures } from "../domain/aggregate-types.js";
import { buildYearFigures, type YearInput } from "../domain/aggregate-year.js";
import { UserError } from "../errors.js";
import { openWorkspace, type Workspace } from "../pipeline/workspace.js";
import { renderFindingsText } from "../report/findings-text.js";
import type { Profile } from "../report/gedsi-tables.js";
import { writeReport, FORMATS, type Format } from "./report-write.js";
import { scanFigures } from "./figures-scan.js";
import { asLang, useColor } from "./options.js";

export function parseQuarter(v: unknown): Quarter {
  const s = String(v ?? "IV").trim().toUpperCase().replace(/^TW\s*/, "");
  const q = ({ I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 } as Record<string, Quarter>)[s];
  if (!q) throw new UserError("OPTION_INVALID", `--quarter harus I, II, III atau IV / must be I-IV: ${String(v)}`);
  return q;
}

export function parseFormats(v: unknown): Format[] {
  const list = String(v ?? FORMATS.join(",")).split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw new UserError("OPTION_INVALID", `--format: ${bad.join(",") || "(kosong)"}; pilih dari / choose from ${FORMATS.join(",")}`);
  return FORMATS.filter((f) => list.includes(f));
}

export async function runReport(files: string[], opts: Record<string, unknown>): Promise<number> {
  const lang = asLang(opts.lang);
  const color = useColor(process.stderr, opts.color as boolean | undefined);
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserError("OPTION_INVALID", `--year harus tahun seperti 2022 / must be a year like 2022: ${String(opts.year)}`);
  const quarter = parseQuarter(opts.quarter);
  const formats = parseFormats(opts.format);
  const profile: Profile = opts.profile === "internal" ? "internal" : "public";
  const ws = await openWorkspace(files);
  if (ws.fatal) {
    process.stderr.write(renderFindingsText(ws, [], { lang, color }));
    return 2;
  }
  const ofYear = ws.programs.filter((p) => p.fiscalYear === year);
  if (ofYear.length === 0) throw new UserError("NO_PROGRAMS", `tidak ada program tahun anggaran ${year} / no programs for fiscal year ${year}`);
  // Lists of programs ending after the chosen quarter are not read: they count in a later report.
  const counted = ofYear.filter((p) => programQuarter(p) <= quarter);
  const regions = new Set(ofYear.map((p) => p.region));
  const earlier = ws.programs.filter((p) => p.fiscalYear < year && regions.has(p.region));
  const { results, accumulators } = await scanFigures(ws, [...counted, ...earlier], { keepNiks: true, progress: true });

  const yearResults = results.filter((r) => r.program.fiscalYear === year);
  if (yearResults.some((r) => r.fatal)) {
    process.stderr.write(renderFindingsText(ws, yearResults, { lang, color }));
    return 2;
  }
  const withErrors = yearResults.filter((r) => r.errors > 0);
  const badFiles = ws.findings.filter((f) => f.severity === "error");
  if ((withErrors.length > 0 || badFiles.length > 0) && !opts.allowErrors) {
    process.stderr.write(renderFindingsText(ws, withErrors, { lang, color }));
    process.stderr.write(
      lang === "en"
        ? "Report not written: fix the lists above, or leave those programs out with --allow-errors.\n"
        : "Laporan tidak ditulis: perbaiki daftar di atas, atau keluarkan program tersebut dengan --allow-errors.\n",
    );
    return 1;
  }
  const left = new Set(withErrors.map((r) => r.program.id));
  const input: YearInput = {
    year,
    quarter,
    programs: ofYear
      .filter((p) => !left.has(p.id))
      .map((p) => {
        const acc = accumulators.get(p.id);
        return acc ? { figures: acc.finish(), niks: acc.niks } : { figures: laterFigures(ws, p) };
      }),
    excluded: [
      ...withErrors.map((r) => ({ id: r.program.id, title: r.program.title, file: r.file, errors: r.errors })),
      ...badFiles.map((f) => ({ id: "-", title: "berkas program tidak valid", file: f.file, errors: 1 })),
    ],
    regions: new Map([...regions].map((code) => [code, { name: ws.areas.regency(code)?.name ?? code, districts: ws.areas.districtsOf(code) }])),
    earlier: earlier.map((p) => {
      const f = accumulators.get(p.id)?.finish();
      return { fiscalYear: p.fiscalYear, region: p.region, reached: f ? f.districts.filter((d) => d.count > 0).map((d) => d.code) : [] };
    }),
  };
  const figures: YearFigures = buildYearFigures(input);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(jsonFigures(figures), null, 2)}\n`);
    return 0;
  }
  const out = resolve(typeof opts.out === "string" ? opts.out : ".");
  const written = await writeReport(figures, { out, formats, profile, subtitle: subtitleOf(ofYear) });
  process.stdout.write(`${lang === "en" ? "report written" : "laporan ditulis"}:\n${written.map((f) => `  ${join(typeof opts.out === "string" ? opts.out : ".", f)}\n`).join("")}`);
  return 0;
}

/** JSON of the figures without the per-program cube (large, and person-level at small counts). */
function jsonFigures(y: YearFigures): unknown {
  const strip = (f: YearFigures["programs"][number]) => {
    const { cube: _cube, ...rest } = f;
    return rest;
  };
  return { ...y, programs: y.programs.map(strip), later: y.later.map(strip) };
}

function subtitleOf(programs: { organizer: string }[]): string {
  return [...new Set(programs.map((p) => p.organizer))].join(" · ");
}

/** A program ending after the chosen quarter: its targets only (its list is not read). */
function laterFigures(ws: Workspace, p: Program) {
  return new ProgramAccumulator(p, { districts: ws.areas.districtsOf(p.region), regionName: ws.areas.regency(p.region)?.name ?? p.region }).finish();
}
