/** Writes the report's formats: laporan-<year>-TW<q>.{xlsx,md,html} and one CSV per part. */
import { join } from "node:path";
import type { YearFigures } from "../domain/aggregate-types.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { renderXlsx } from "../io/xlsx-report.js";
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

export async function writeReport(
  y: YearFigures,
  opts: { out: string; formats: readonly Format[]; profile: Profile; subtitle: string },
): Promise<string[]> {
  const doc = buildReportDoc(y, opts.profile, opts.subtitle);
  const base = `laporan-${y.year}-TW${y.quarter}`;
  const written: string[] = [];
  const put = async (name: string, data: string | Uint8Array) => {
    await writeFileAtomic(join(opts.out, name), data);
    written.push(name);
  };
  if (opts.formats.includes("xlsx")) {
    await put(`${base}.xlsx`, await renderXlsx(doc.tables, { title: doc.title, when: asOf(y.year, y.quarter), notices: doc.notices }));
  }
  if (opts.formats.includes("csv")) {
    for (const t of doc.tables) await put(`${base}-${t.id}.csv`, csvTable(t));
  }
  if (opts.formats.includes("md")) await put(`${base}.md`, markdownDoc(doc));
  if (opts.formats.includes("html")) await put(`${base}.html`, htmlDoc(doc, reportCharts(y)));
  return written;
}
