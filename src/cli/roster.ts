/**
 * `pelatihan roster`: read each program's list, stop on rows with data errors (unless
 * --skip-invalid), select, then write the CSV, XLSX, PDF and Markdown summary.
 */
import { resolve } from "node:path";
import type { Finding } from "../domain/findings.js";
import type { Program } from "../domain/program.js";
import { ROW_ERROR_CODES, SETTLED_BY_SELECTION, selectionRules } from "../domain/roster-applicants.js";
import { applicantTable, selectApplicants } from "../domain/selection.js";
import { OutputError } from "../errors.js";
import { scanPrograms } from "../pipeline/scan.js";
import type { ListResult } from "../pipeline/types.js";
import { displayPath, openWorkspace } from "../pipeline/workspace.js";
import { renderFindingsText } from "../report/findings-text.js";
import { shortfallText } from "../report/roster-summary.js";
import { RosterRows, type Profile } from "../report/roster-rows.js";
import { asLang, useColor } from "./options.js";
import { progressReporter } from "./progress.js";
import { conflicts, dropTemps, FILES, planRoster, writeRoster, type Planned } from "./roster-outputs.js";
import { PdfThread } from "../io/pdf-roster-thread.js";
import { RosterList } from "../pipeline/roster-list.js";
import { mark } from "./timing.js";

function blocks(f: Finding, skipInvalid: boolean): boolean {
  if (f.severity !== "error" || SETTLED_BY_SELECTION.has(f.code)) return false;
  return !(skipInvalid && ROW_ERROR_CODES.has(f.code));
}

/** The list result with only the findings that stop the roster. */
function blocking(r: ListResult, skipInvalid: boolean): ListResult {
  const findings = r.findings.filter((f) => blocks(f, skipInvalid));
  return { ...r, findings, errors: findings.length, warnings: 0 };
}

export async function runRoster(files: string[], opts: Record<string, unknown>): Promise<number> {
  // the PDF thread starts now, so that it is up by the time the first selection is made
  const pdfThread = opts.dryRun ? undefined : PdfThread.start();
  try {
    return await roster(files, opts, pdfThread);
  } finally {
    pdfThread?.stop();
  }
}

async function roster(files: string[], opts: Record<string, unknown>, pdfThread: PdfThread | undefined): Promise<number> {
  const lang = asLang(opts.lang);
  const en = lang === "en";
  const profile: Profile = opts.profile === "internal" ? "internal" : "public";
  const skipInvalid = opts.skipInvalid === true;
  mark("start");
  const ws = await openWorkspace(files);
  mark("workspace");
  const progress = progressReporter(process.stderr);
  const delimiter = opts.delimiter === ";" ? ";" : ",";
  // each row is rendered and reduced to its applicant record as it is read (RosterList)
  const lists = new Map<Program, RosterList>();
  const results = await scanPrograms(ws, {
    onHeader(list, program) {
      lists.set(program, new RosterList(program, { ...list, profile, delimiter, districts: ws.areas.districtsOf(program.region) }));
    },
    onParticipant(p, program) {
      lists.get(program)?.add(p);
    },
    // rows are handed out before their NIK is checked against the rows before them
    onDuplicate(line, program) {
      lists.get(program)?.markDuplicate(line);
    },
    // a big list's second part, rendered by the other thread
    rosterPart: {
      profile,
      delimiter,
      onPart(part, program) {
        lists.get(program)?.append(part);
      },
    },
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  mark("lists read");

  const stops = results.map((r) => blocking(r, skipInvalid));
  const fatal = ws.fatal || results.some((r) => r.fatal);
  const stopped = stops.filter((r) => r.fatal || r.errors > 0);
  if (fatal || ws.findings.some((f) => f.severity === "error") || stopped.length > 0) {
    const color = useColor(process.stderr, opts.color as boolean | undefined);
    process.stderr.write(renderFindingsText(ws, stopped, { lang, color }));
    const rowErrors = stopped.some((r) => r.findings.some((f) => ROW_ERROR_CODES.has(f.code)));
    const hint = rowErrors
      ? en
        ? "roster not written: fix the rows above, or use --skip-invalid to mark them as not selected\n"
        : "daftar peserta tidak ditulis: perbaiki baris di atas, atau pakai --skip-invalid agar baris itu ditandai tidak terpilih\n"
      : en
        ? "roster not written\n"
        : "daftar peserta tidak ditulis\n";
    process.stderr.write(hint);
    return fatal ? 2 : 1;
  }

  const outDir = resolve(ws.cwd, typeof opts.out === "string" ? opts.out : "out");
  const plans: Planned[] = results.map((r) => {
    // a list without a usable header row has no rows handed out either
    const l = lists.get(r.program);
    const rows = l?.rows ?? new RosterRows(r.header, r.columns, profile, delimiter);
    const selection = selectApplicants(l?.applicants() ?? applicantTable([]), selectionRules(r.program));
    mark(`${r.program.id}: selection`);
    return planRoster(r, selection, rows, outDir, profile, pdfThread);
  });
  if (!opts.force && !opts.dryRun) {
    const changed = (await Promise.all(plans.map(conflicts))).flat();
    if (changed.length > 0) {
      await Promise.all(plans.map(dropTemps));
      const shown = changed.map((f) => displayPath(ws.cwd, f)).join(", ");
      throw new OutputError("OUTPUT_CHANGED", `${en ? "would overwrite edited or different files" : "akan menimpa berkas yang isinya berbeda"}: ${shown}`, {
        hint: en
          ? "Attendance or notes typed into these files would be lost. Move them away, or use --force to replace them."
          : "Isian kehadiran atau catatan di berkas itu akan hilang. Pindahkan berkasnya, atau pakai --force untuk menggantinya.",
      });
    }
  }
  for (const p of plans) {
    const s = p.selection;
    const dir = displayPath(ws.cwd, p.dir);
    process.stdout.write(
      en
        ? `${p.program.id}: ${s.selected}/${s.seats} selected, ${s.reserves} reserves, ${s.ineligible} not eligible, ${s.invalid} invalid rows\n`
        : `${p.program.id}: ${s.selected}/${s.seats} peserta, ${s.reserves} cadangan, ${s.ineligible} tidak memenuhi syarat, ${s.invalid} baris data tidak valid\n`,
    );
    const covered = s.districts.filter((d) => d.selected > 0).length;
    const total = results.find((r) => r.program === p.program)?.coverage?.districts.length ?? 0;
    process.stdout.write(`  ${en ? "kecamatan covered" : "kecamatan terwakili"}: ${covered}/${total}\n`);
    for (const f of s.shortfalls) process.stdout.write(`  ! ${shortfallText(f)}\n`);
    if (opts.dryRun) {
      for (const f of Object.values(FILES)) process.stdout.write(`  ${en ? "would write" : "akan ditulis"}: ${dir}/${f}\n`);
      continue;
    }
    const { pages } = await writeRoster(p);
    mark(`${p.program.id}: written`);
    for (const f of Object.values(FILES)) {
      const extra = f === FILES.pdf ? ` (${pages} ${en ? "pages" : "halaman"})` : "";
      process.stdout.write(`  ${en ? "written" : "ditulis"}: ${dir}/${f}${extra}\n`);
    }
  }
  if (profile === "public" && !opts.dryRun) {
    process.stdout.write(
      en
        ? "Public profile: NIK masked, no phone/birth date/disability. For the working list (attendance), run with --profile internal.\n"
        : "Profil publik: NIK disamarkan, tanpa telepon/tanggal lahir/disabilitas. Untuk daftar kerja (isian kehadiran), jalankan dengan --profile internal.\n",
    );
  }
  return 0;
}
