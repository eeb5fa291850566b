/** The `--json` shape of `pelatihan validate` (documented in the README). */
import type { Finding } from "../domain/findings.js";
import type { ListResult } from "../pipeline/types.js";
import type { Workspace } from "../pipeline/workspace.js";
import { formatFinding, type Lang } from "./messages.js";

function jsonFinding(f: Finding, lang: Lang) {
  return {
    code: f.code,
    severity: f.severity,
    file: f.file,
    line: f.line ?? null,
    column: f.column ?? null,
    field: f.field ?? null,
    message: formatFinding(f, lang),
    args: f.args,
  };
}

export function validateJson(ws: Workspace, results: readonly ListResult[], lang: Lang) {
  const failed = new Map<string, Finding[]>();
  for (const f of ws.findings) failed.set(f.file, [...(failed.get(f.file) ?? []), f]);
  const programs = [
    ...[...failed].map(([file, fs]) => ({
      id: null,
      file,
      participants_file: null,
      rows: 0,
      errors: fs.filter((f) => f.severity === "error").length,
      warnings: fs.filter((f) => f.severity === "warning").length,
      coverage: null,
      findings: fs.map((f) => jsonFinding(f, lang)),
    })),
    ...results.map((r) => ({
      id: r.program.id,
      file: r.program.file,
      participants_file: r.file,
      rows: r.rows,
      in_program: r.inProgram,
      errors: r.errors,
      warnings: r.warnings,
      coverage: r.coverage
        ? {
            region: r.coverage.region,
            region_name: r.coverage.regionName,
            districts_total: r.coverage.districts.length,
            districts_covered: r.coverage.covered.length,
            missing: r.coverage.missing.map((d) => d.name),
          }
        : null,
      findings: r.findings.map((f) => jsonFinding(f, lang)),
    })),
  ];
  const errors = programs.reduce((n, p) => n + p.errors, 0);
  const warnings = programs.reduce((n, p) => n + p.warnings, 0);
  return { ok: errors === 0, errors, warnings, programs };
}
