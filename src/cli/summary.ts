/** `pelatihan summary`: per program figures on the terminal, as JSON, or as Markdown + HTML files. */
import { join, resolve } from "node:path";
import type { ProgramFigures } from "../domain/aggregate-types.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { issuedCounts } from "../pipeline/issued.js";
import { openWorkspace } from "../pipeline/workspace.js";
import { renderFindingsText } from "../report/findings-text.js";
import { crossTable, type Profile } from "../report/gedsi-tables.js";
import { htmlDoc } from "../report/html.js";
import { markdownDoc } from "../report/markdown.js";
import { summaryCharts } from "../report/report-charts.js";
import { summaryDoc, summaryText } from "../report/summary-tables.js";
import { isHidden } from "../report/table.js";
import { scanFigures } from "./figures-scan.js";
import { asLang, useColor } from "./options.js";

/** Public JSON: no cube, disability counts as the documents show them ("<5", "*"). */
export function publicFigures(f: ProgramFigures): Omit<ProgramFigures, "cube" | "breakdown"> & { breakdown: unknown } {
  const t = crossTable("disabilitas", "", f.cube, f.breakdown, "public");
  const disability = Object.fromEntries(
    Object.keys(f.breakdown.disability).map((k, i) => {
      const v = t.rows[i]?.[1] ?? null;
      return [k, v !== null && isHidden(v) ? v.hidden : v];
    }),
  );
  const { cube: _cube, ...rest } = f;
  return { ...rest, breakdown: { ...f.breakdown, disability } };
}

export async function runSummary(files: string[], opts: Record<string, unknown>): Promise<number> {
  const lang = asLang(opts.lang);
  const profile: Profile = opts.profile === "public" ? "public" : "internal";
  const ws = await openWorkspace(files);
  const { results, accumulators } = await scanFigures(ws, ws.programs, { keepNiks: false, progress: !opts.json });
  const fatal = ws.fatal || results.some((r) => r.fatal);
  const errors = ws.findings.some((f) => f.severity === "error") || results.some((r) => r.errors > 0);
  if (fatal) {
    process.stderr.write(renderFindingsText(ws, results, { lang, color: useColor(process.stderr, opts.color as boolean | undefined) }));
    return 2;
  }
  // certificates in force from the register when the workspace keeps one, else the completers
  const issued = await issuedCounts(ws.root);
  const figures = results
    .map((r) => accumulators.get(r.program.id)?.finish(issued ? { certificates: issued.get(r.program.id) ?? 0 } : {}))
    .filter((f): f is ProgramFigures => f !== undefined);
  if (opts.json) {
    const programs = profile === "public" ? figures.map(publicFigures) : figures;
    process.stdout.write(`${JSON.stringify({ profile, programs }, null, 2)}\n`);
  } else {
    process.stdout.write(figures.map((f) => summaryText(f, lang)).join("\n"));
  }
  if (typeof opts.out === "string") {
    const out = resolve(opts.out);
    for (const f of figures) {
      const doc = summaryDoc(f, profile);
      const dir = join(out, f.id);
      await writeFileAtomic(join(dir, "ringkasan.md"), markdownDoc(doc));
      await writeFileAtomic(join(dir, "ringkasan.html"), htmlDoc(doc, summaryCharts(f)));
      process.stderr.write(`${lang === "en" ? "written" : "ditulis"}: ${join(opts.out, f.id, "ringkasan.md")}, ${join(opts.out, f.id, "ringkasan.html")}\n`);
    }
  }
  if (errors) {
    process.stderr.write(
      lang === "en"
        ? "Some rows or programs have errors and are not counted; see `pelatihan validate`.\n"
        : "Ada baris atau program bergalat yang tidak dihitung; lihat `pelatihan validate`.\n",
    );
    return 1;
  }
  return 0;
}
