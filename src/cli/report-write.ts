/** Writes the report's formats: laporan-<year>-TW<q>.{xlsx,md,html} and one CSV per part. */
import { join } from "node:path";
import type { YearFigures } from "../domain/aggregate-types.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { XlsxRenderer } from "../io/xlsx-report-renderer.js";
import { csvTable } from "../report/csv-parts.js";
import type { Profile } from "../report/gedsi-tables.js";
import { htmlDoc } from "../report/html.js";
import { markdownDoc } from "../report/markdown.js";
import { reportCharts } from "../report/report-charts.js";
import { buildReportDoc } from "../report/report-tables.js";

export const FORMATS = ["xlsx", "csv", "md", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** The last day of the quarter at noon UTC: the date written inside the XLSX (no clock, same bytes). */
export function asOf(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 0, 12));
}

/** `xlsx`: renders the workbook (xlsx-report-renderer.ts), needed when the formats include xlsx. */
export async function writeReport(
  y: YearFigures,
  opts: { out: string; formats: readonly Format[]; profile: Profile; subtitle: string; xlsx?: XlsxRenderer },
): Promise<string[]> {
  const doc = buildReportDoc(y, opts.profile, opts.subtitle);
  const base = `laporan-${y.year}-TW${y.quarter}`;
  // the workbook is rendered (by a worker thread) while the other formats are made here
  const files: [string, string | Uint8Array | Promise<Uint8Array>][] = [];
  if (opts.formats.includes("xlsx")) {
    const render = opts.xlsx?.render ?? (async (tables, o) => (await import("../io/xlsx-report.js")).renderXlsx(tables, o));
    const bytes = render(doc.tables, { title: doc.title, when: asOf(y.year, y.quarter), notices: doc.notices });
    bytes.catch(() => undefined); // awaited below
    files.push([`${base}.xlsx`, bytes]);
  }
  if (opts.formats.includes("csv")) {
    for (const t of doc.tables) files.push([`${base}-${t.id}.csv`, csvTable(t)]);
  }
  if (opts.formats.includes("md")) files.push([`${base}.md`, markdownDoc(doc)]);
  if (opts.formats.includes("html")) files.push([`${base}.html`, htmlDoc(doc, reportCharts(y))]);
  for (const [name, data] of files) await writeFileAtomic(join(opts.out, name), await data);
  return files.map(([name]) => name);
}
