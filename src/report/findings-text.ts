/** Findings for people: grouped by file, sorted by line, then one line per program. */
import { styleText } from "node:util";
import type { Finding } from "../domain/findings.js";
import type { ListResult } from "../pipeline/types.js";
import type { Workspace } from "../pipeline/workspace.js";
import { formatFinding, type Lang } from "./messages.js";

export interface TextOptions {
  lang: Lang;
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

function painter(color: boolean): (style: Style, text: string) => string {
  return color ? (style, text) => styleText(style, text) : (_s, text) => text;
}

const WORDS = {
  id: { error: "galat", warning: "peringatan", rows: "baris", errors: "galat", warnings: "peringatan", missing: "belum terjangkau", district: "kecamatan", ok: "OK", fail: "GAGAL", programs: "program", invalidPrograms: "berkas program tidak valid", unreadable: "tidak bisa dibaca" },
  en: { error: "error", warning: "warning", rows: "rows", errors: "errors", warnings: "warnings", missing: "not reached", district: "kecamatan", ok: "OK", fail: "FAILED", programs: "programs", invalidPrograms: "invalid program files", unreadable: "could not be read" },
} as const;

export function renderFindingLines(findings: readonly Finding[], opts: TextOptions): string {
  const paint = painter(opts.color);
  const w = WORDS[opts.lang];
  let out = "";
  let file: string | undefined;
  for (const f of findings) {
    if (f.file !== file) {
      file = f.file;
      out += `${out === "" ? "" : "\n"}${paint("bold", f.file)}\n`;
    }
    const where = f.line === undefined ? "" : `${f.line}${f.column !== undefined ? `:${f.column}` : ""}`;
    const field = f.field ? ` ${f.field}` : "";
    const width = Math.max(w.error.length, w.warning.length);
    const sev = f.severity === "error" ? paint("red", w.error.padEnd(width)) : paint("yellow", w.warning.padEnd(width));
    out += `  ${where.padStart(6)}${field.padEnd(16)} ${sev}  ${formatFinding(f, opts.lang)}  ${paint("dim", f.code)}\n`;
  }
  return out;
}

export function summaryLine(r: ListResult, lang: Lang): string {
  const w = WORDS[lang];
  if (r.fatal) return `${r.program.id}: ${r.file} ${w.unreadable}`;
  let line = `${r.program.id}: ${r.rows} ${w.rows}, ${r.errors} ${w.errors}, ${r.warnings} ${w.warnings}`;
  const c = r.coverage;
  if (c) {
    line += `, ${c.covered.length}/${c.districts.length} ${w.district}`;
    if (c.missing.length > 0) line += ` (${w.missing}: ${c.missing.map((d) => d.name).join(", ")})`;
  }
  return line;
}

export function renderFindingsText(ws: Workspace, results: readonly ListResult[], opts: TextOptions): string {
  const paint = painter(opts.color);
  const w = WORDS[opts.lang];
  const all = [...ws.findings, ...results.flatMap((r) => r.findings)];
  let out = renderFindingLines(all, opts);
  if (out !== "") out += "\n";
  for (const r of results) out += `${summaryLine(r, opts.lang)}\n`;
  const errors = ws.findings.filter((f) => f.severity === "error").length + results.reduce((n, r) => n + r.errors, 0);
  const warnings = ws.findings.filter((f) => f.severity === "warning").length + results.reduce((n, r) => n + r.warnings, 0);
  const verdict = errors > 0 ? paint("red", w.fail) : paint("green", w.ok);
  const invalid = new Set(ws.findings.map((f) => f.file)).size;
  const bad = invalid > 0 ? ` (+${invalid} ${w.invalidPrograms})` : "";
  out += `${verdict}: ${results.length} ${w.programs}${bad}, ${errors} ${w.errors}, ${warnings} ${w.warnings}\n`;
  return out;
}
