/** `pelatihan validate`: every program and list checked, findings printed, exit 0/1/2. */
import { openWorkspace } from "../pipeline/workspace.js";
import { scanPrograms } from "../pipeline/scan.js";
import { renderFindingsText } from "../report/findings-text.js";
import { validateJson } from "../report/findings-json.js";
import { asLang, useColor } from "./options.js";
import { progressReporter } from "./progress.js";

export async function runValidate(files: string[], opts: Record<string, unknown>): Promise<number> {
  const lang = asLang(opts.lang);
  const ws = await openWorkspace(files);
  const progress = opts.json ? undefined : progressReporter(process.stderr);
  const results = await scanPrograms(ws, progress ? { onProgress: progress.update } : {});
  progress?.done();
  const fatal = ws.fatal || results.some((r) => r.fatal);
  const errors = ws.findings.filter((f) => f.severity === "error").length + results.reduce((n, r) => n + r.errors, 0);
  const warnings = ws.findings.length - ws.findings.filter((f) => f.severity === "error").length + results.reduce((n, r) => n + r.warnings, 0);
  if (opts.json) process.stdout.write(`${JSON.stringify(validateJson(ws, results, lang), null, 2)}\n`);
  else process.stdout.write(renderFindingsText(ws, results, { lang, color: useColor(process.stdout, opts.color as boolean | undefined) }));
  if (fatal) return 2;
  if (errors > 0 || (opts.strict && warnings > 0)) return 1;
  return 0;
}
