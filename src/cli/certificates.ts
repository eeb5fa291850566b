/**
 * `pelatihan certificates`: read each program's list, stop on data errors in the rows of
 * participants, decide who completed, then issue numbered, signed PDF certificates
 * (one per person, one merged for printing) with a manifest, keeping the register.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding } from "../domain/findings.js";
import { SETTLED_BY_SELECTION } from "../domain/roster-applicants.js";
import { maskNik } from "../domain/nik.js";
import { BUILTIN_TEMPLATE, type Program } from "../domain/program.js";
import { UserError } from "../errors.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { csvDocument } from "../io/csv-write.js";
import {
  certificateFields,
  decide,
  FILES,
  issueProgram,
  manifestRows,
  MANIFEST_HEADER,
  othersRows,
  OTHERS_HEADER,
  signingPlace,
  type Decided,
} from "../pipeline/certificates.js";
import { isInProgram, scanPrograms } from "../pipeline/scan.js";
import type { ListResult } from "../pipeline/types.js";
import { displayPath, openWorkspace, type Workspace } from "../pipeline/workspace.js";
import { renderFindingsText } from "../report/findings-text.js";
import { asLang, useColor } from "./options.js";
import { countReporter, progressReporter } from "./progress.js";

const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");
const DEFAULT_TEMPLATE = "formal";

/** Errors on the file, or on the row of someone who takes part: these stop the program's certificates. */
function blocking(r: ListResult): ListResult {
  const outside = new Set<number>();
  for (const p of r.participants) if (!isInProgram(p, r.hasStatusColumn)) outside.add(p.line);
  const findings = r.findings.filter(
    (f: Finding) => f.severity === "error" && !SETTLED_BY_SELECTION.has(f.code) && (f.line === undefined || !outside.has(f.line)),
  );
  return { ...r, findings, errors: findings.length, warnings: 0 };
}

/** A template option or setting: a shipped design's name, or a file. */
export function templatePath(value: string, cwd: string): string {
  if (isAbsolute(value)) return value;
  if (BUILTIN_TEMPLATE.test(value)) {
    const shipped = join(TEMPLATES_DIR, `sertifikat-${value}.svg`);
    if (existsSync(shipped)) return shipped;
    throw new UserError("CERT_TEMPLATE_UNKNOWN", `desain sertifikat tidak dikenal / unknown certificate design: ${value}`, {
      hint: "Desain bawaan / shipped designs: formal, potret; atau berkas .svg / or an .svg file.",
    });
  }
  return resolve(cwd, value);
}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface Plan {
  result: ListResult;
  program: Program;
  decided: Decided;
  template: string;
  dir: string;
  place: string;
}

export async function runCertificates(files: string[], opts: Record<string, unknown>): Promise<number> {
  const lang = asLang(opts.lang);
  const en = lang === "en";
  const out = (s: string) => process.stdout.write(s);
  const ws = await openWorkspace(files);
  const progress = progressReporter(process.stderr);
  const results = await scanPrograms(ws, { keep: true, ...(progress ? { onProgress: progress.update } : {}) });
  progress?.done();

  const stops = results.map(blocking);
  const fatal = ws.fatal || results.some((r) => r.fatal);
  const stopped = stops.filter((r) => r.fatal || r.errors > 0);
  if (fatal || ws.findings.some((f) => f.severity === "error") || stopped.length > 0) {
    process.stderr.write(renderFindingsText(ws, stopped, { lang, color: useColor(process.stderr, opts.color as boolean | undefined) }));
    process.stderr.write(en ? "no certificates issued: fix the errors above\n" : "sertifikat tidak diterbitkan: perbaiki galat di atas\n");
    return fatal ? 2 : 1;
  }

  const outDir = resolve(ws.cwd, typeof opts.out === "string" ? opts.out : "out");
  const plans: Plan[] = results.map((r) => {
    const program = r.program;
    const hasScoreColumn = r.columns.includes("nilai");
    const decided = decide(program, r.participants, { hasStatusColumn: r.hasStatusColumn, hasScoreColumn });
    const chosen = typeof opts.template === "string" ? opts.template : (program.certificate?.template ?? DEFAULT_TEMPLATE);
    return {
      result: r,
      program,
      decided,
      template: templatePath(chosen, ws.cwd),
      dir: join(outDir, program.id, "sertifikat"),
      place: signingPlace(program, ws.areas.regency(program.region)?.name),
    };
  });

  // templates are checked, and every name drawable, before any number is issued
  const { loadTemplate } = await import("../io/certificate-template.js");
  const { createRenderer } = await import("../io/certificate-pdf.js");
  const renderers = new Map<string, Awaited<ReturnType<typeof createRenderer>>>();
  try {
    for (const t of new Set(plans.map((p) => p.template))) renderers.set(t, await createRenderer(await loadTemplate(t)));
    const glyphProblems: string[] = [];
    for (const plan of plans) {
      const r = renderers.get(plan.template);
      if (!r) continue;
      for (const rec of plan.decided.recipients) {
        const probe = certificateFields(plan.program, { number: "0", name: rec.p.name, nik: rec.p.nik, kind: rec.kind, issued: plan.program.end, code: "", token: "", file: "", seq: 0 }, plan.place);
        const miss = r.missingGlyph(probe);
        if (miss) {
          const cp = `U+${(miss.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
          glyphProblems.push(
            `${plan.result.file}:${rec.p.line}: ${rec.p.name} (${maskNik(rec.p.nik)}): ${en ? "the font cannot draw" : "huruf tidak dapat dicetak oleh font"} "${miss.char}" (${cp}) ${en ? "in" : "di"} ${miss.field}`,
          );
        }
      }
    }
    if (glyphProblems.length > 0) {
      for (const g of glyphProblems) process.stderr.write(`${g}  CERT_GLYPH_MISSING\n`);
      process.stderr.write(
        en
          ? "no certificates issued: correct the names, or use a template whose fonts have these characters\n"
          : "sertifikat tidak diterbitkan: perbaiki nama, atau pakai templat dengan font yang memuat huruf tersebut\n",
      );
      return 1;
    }

    for (const plan of plans) {
      if (plan.decided.recipients.length === 0 || (plan.program.certificate?.signatories.length ?? 0) > 0) continue;
      process.stderr.write(
        en
          ? `warning: ${plan.program.file} has no certificate.signatories: its certificates carry no signature block (CERT_NO_SIGNATORY)\n`
          : `peringatan: ${plan.program.file} tidak punya certificate.signatories: sertifikatnya tanpa blok penandatangan (CERT_NO_SIGNATORY)\n`,
      );
    }
    if (opts.dryRun) return await dryRun(ws, plans, en);

    const { loadSigningKey } = await import("../io/keys.js");
    const { Ledger } = await import("../io/ledger.js");
    const key = await loadSigningKey(ws.root);
    const ledger = await Ledger.open(ws.root);
    try {
      if (ledger.repaired) process.stderr.write(`${en ? "register repaired" : "register diperbaiki"}: ${ledger.repaired}\n`);
      for (const plan of plans) {
        const renderer = renderers.get(plan.template);
        if (!renderer) continue;
        const bar = countReporter(process.stderr, plan.program.id);
        const res = await issueProgram(
          {
            program: plan.program,
            dir: plan.dir,
            ledger,
            key,
            renderer,
            place: plan.place,
            today: plan.program.certificate?.date ?? todayIso(),
            ...(bar ? { onProgress: bar.update } : {}),
          },
          plan.decided.recipients,
        );
        bar?.done();
        await writeFileAtomic(join(plan.dir, FILES.manifest), csvDocument(MANIFEST_HEADER, manifestRows(ledger.entries(), plan.program)));
        await writeFileAtomic(join(plan.dir, FILES.others), csvDocument(OTHERS_HEADER, othersRows(plan.decided.others)));
        report(ws, plan, res, en);
      }
    } finally {
      await ledger.close();
    }
  } finally {
    for (const r of renderers.values()) await r.close();
  }
  out(
    en
      ? "The QR and verification code let anyone check a certificate with `pelatihan verify`; they are not a legal electronic signature (TTE): the signatory still signs.\n"
      : "QR dan kode verifikasi memungkinkan sertifikat diperiksa dengan `pelatihan verify`; ini bukan tanda tangan elektronik (TTE): penandatangan tetap menandatangani.\n",
  );
  return 0;
}

function report(ws: Workspace, plan: Plan, res: Awaited<ReturnType<typeof issueProgram>>, en: boolean): void {
  const out = (s: string) => process.stdout.write(s);
  const dir = displayPath(ws.cwd, plan.dir);
  const d = plan.decided;
  out(
    en
      ? `${plan.program.id}: ${d.recipients.length} completed, ${res.created.length} new certificates, ${res.kept} unchanged, ${res.rewritten} re-created, ${d.others.length} without a certificate\n`
      : `${plan.program.id}: ${d.recipients.length} memenuhi syarat, ${res.created.length} sertifikat baru, ${res.kept} tetap, ${res.rewritten} dibuat ulang, ${d.others.length} tanpa sertifikat\n`,
  );
  if (res.created.length > 0) {
    const first = res.created[0]?.number ?? "";
    const last = res.created[res.created.length - 1]?.number ?? "";
    out(`  ${en ? "numbers" : "nomor"}: ${first}${res.created.length > 1 ? ` .. ${last}` : ""}\n`);
  }
  if (res.removedOrphans > 0) {
    out(`  ${en ? "removed files of an interrupted run (not in the register)" : "berkas sisa proses yang terputus dihapus (tidak ada di register)"}: ${res.removedOrphans}\n`);
  }
  if (res.movedRevoked > 0) out(`  ${en ? "revoked certificates moved to" : "sertifikat yang dicabut dipindah ke"} ${dir}/${FILES.revokedDir}/: ${res.movedRevoked}\n`);
  for (const n of res.nameChanged) {
    out(
      `  ! ${en ? "line" : "baris"} ${n.p.line}: ${en ? "the list says" : "daftar menulis"} "${n.p.name}", ${en ? "certificate" : "sertifikat"} ${n.entry.number} ${en ? "says" : "tertulis"} "${n.entry.name}"; ${en ? "to correct it, revoke it (pelatihan certificates revoke) and run again" : "untuk membetulkan, cabut (pelatihan certificates revoke) lalu jalankan lagi"}\n`,
    );
  }
  const shown = d.others.slice(0, 20);
  for (const o of shown) out(`  - ${en ? "line" : "baris"} ${o.p.line} ${o.p.name}: ${o.decision.reason}\n`);
  if (d.others.length > shown.length) out(`  ... ${d.others.length - shown.length} ${en ? "more in" : "lainnya di"} ${dir}/${FILES.others}\n`);
  out(`  ${en ? "written" : "ditulis"}: ${dir}/ (${res.current.length} PDF, ${FILES.merged}, ${FILES.manifest}, ${FILES.others})\n`);
}

async function dryRun(ws: Workspace, plans: Plan[], en: boolean): Promise<number> {
  const { Ledger } = await import("../io/ledger.js");
  const ledgerExists = existsSync(Ledger.path(ws.root));
  const ledger = ledgerExists ? await Ledger.open(ws.root, { readOnly: true }) : undefined;
  try {
    for (const plan of plans) {
      const d = plan.decided;
      const kept = d.recipients.filter((r) => ledger?.current(plan.program.id, r.p.nik)).length;
      const dir = displayPath(ws.cwd, plan.dir);
      process.stdout.write(
        en
          ? `${plan.program.id}: ${d.recipients.length} completed: ${d.recipients.length - kept} would get new numbers, ${kept} already hold one; ${d.others.length} without a certificate\n  would write: ${dir}/\n`
          : `${plan.program.id}: ${d.recipients.length} memenuhi syarat: ${d.recipients.length - kept} akan diberi nomor baru, ${kept} sudah punya; ${d.others.length} tanpa sertifikat\n  akan ditulis: ${dir}/\n`,
      );
      for (const o of d.others.slice(0, 20)) process.stdout.write(`  - ${en ? "line" : "baris"} ${o.p.line} ${o.p.name}: ${o.decision.reason}\n`);
    }
  } finally {
    await ledger?.close();
  }
  return 0;
}
