import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ProgramAccumulator } from "../../src/domain/aggregate.js";
import { buildYearFigures } from "../../src/domain/aggregate-year.js";
import type { Participant } from "../../src/domain/participant.js";
import type { Program } from "../../src/domain/program.js";
import { renderXlsx } from "../../src/io/xlsx-report.js";
import { csvTable } from "../../src/report/csv-parts.js";
import { htmlDoc } from "../../src/report/html.js";
import { markdownDoc } from "../../src/report/markdown.js";
import { reportCharts } from "../../src/report/report-charts.js";
import { buildReportDoc } from "../../src/report/report-tables.js";
import { DISTRICTS, person, program } from "./report-helpers.js";

function run(prog: Program, people: Participant[]) {
  const acc = new ProgramAccumulator(prog, { districts: DISTRICTS, regionName: "Kabupaten Pasuruan", keepNiks: true });
  for (const p of people) acc.add(p);
  return { figures: acc.finish(), niks: acc.niks };
}

const many = (n: number, over: Partial<Participant>) => Array.from({ length: n }, () => person(over));
const year = buildYearFigures({
  year: 2022,
  quarter: 4,
  programs: [
    run(program({ id: "a", title: "Menjahit <b>&", end: "2022-03-31", start: "2022-03-28", budget: { allocated: 10_000_000, spent: 9_500_000 }, activityCode: "=1+1" }), [
      ...many(3, { disabilities: ["fisik"] }),
      ...many(9, { sex: "P" }),
    ]),
    run(program({ id: "b", end: "2022-11-10", budget: { allocated: 20_000_000, spent: 19_000_000 }, indicator: { name: "IKM", unit: "unit", target: 10 } }), [
      ...many(6, { disabilities: ["fisik"], district: DISTRICTS[1] }),
      ...many(2, { disabilities: ["mental"], sex: "P" }),
    ]),
  ],
  excluded: [],
  regions: new Map([["35.14", { name: "Kabupaten Pasuruan", districts: DISTRICTS }]]),
  earlier: [],
});

const doc = buildReportDoc(year, "public", "Dinas Uji");
const table = (id: string) => {
  const t = doc.tables.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const WHEN = new Date(Date.UTC(2022, 11, 31, 12));

async function readBack(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A cell's number (formula results included). */
function num(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const v = ws.getCell(row, col).value;
  return v !== null && typeof v === "object" && "result" in v ? v.result : v;
}

describe("report formats agree with the figures", () => {
  it("the figures: 20 trainings, Renja totals", () => {
    expect(year.trainings).toBe(20);
    expect(year.renjaTotal).toMatchObject({ targetK: 30, targetRp: 30_000_000, totalK: 20, totalRp: 28_500_000 });
  });

  it("XLSX opened back: Renja values, SUM formulas with cached results, percent as fractions, formats", async () => {
    const wb = await readBack(await renderXlsx(doc.tables, { title: doc.title, when: WHEN, notices: doc.notices }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["ringkasan", "renja", "gedsi", "cakupan", "prioritas", "musrenbang"]);
    const ws = wb.getWorksheet("renja")!;
    expect(ws.getCell(3, 3).value).toBe("Program / kegiatan");
    // body rows 4-5, total row 6
    expect(ws.getCell(4, 2).value).toBe("'=1+1"); // activity code neutralised
    expect(ws.getCell(4, 3).value).toBe("Menjahit <b>&");
    expect(num(ws, 4, 8)).toBe(12); // TW I K
    expect(num(ws, 4, 9)).toBe(9_500_000);
    expect(num(ws, 5, 14)).toBe(8); // TW IV K
    expect(ws.getCell(5, 16).value).toEqual({ formula: "SUM(H5,J5,L5,N5)", result: 8 });
    expect(ws.getCell(5, 18).value).toEqual({ formula: 'IF(F5=0,"",P5/F5)', result: 0.8 });
    expect(ws.getCell(6, 6).value).toEqual({ formula: "SUM(F4:F5)", result: year.renjaTotal.targetK });
    expect(num(ws, 6, 7)).toBe(year.renjaTotal.targetRp);
    expect(num(ws, 6, 16)).toBe(year.renjaTotal.totalK);
    expect(num(ws, 6, 17)).toBe(year.renjaTotal.totalRp);
    expect(ws.getColumn(7).numFmt).toBe('"Rp"#,##0');
    expect(ws.getColumn(18).numFmt).toBe("0.0%");
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it("XLSX GEDSI: suppressed cells as text, totals over suppressed columns as values (no SUM over '<5')", async () => {
    const wb = await readBack(await renderXlsx(doc.tables, { title: doc.title, when: WHEN }));
    const ws = wb.getWorksheet("gedsi")!;
    const t = table("gedsi");
    const fisik = t.columns.findIndex((c) => c.header === "Fisik") + 1;
    const mental = t.columns.findIndex((c) => c.header === "Mental") + 1;
    expect(ws.getCell(4, fisik).value).toBe("<5"); // program a: 3 fisik
    expect(ws.getCell(5, fisik).value).toBe("*"); // 6, hidden: the column total 9 would reveal the 3
    expect(ws.getCell(5, mental).value).toBe("<5");
    // the total row: mental 2 is "<5", so its smallest other non-zero cell (fisik 9) is hidden too
    expect(ws.getCell(6, fisik).value).toBe("*");
    // program a: fisik 3 is "<5" and its mental 0 is hidden too (a zero under no shown total of 0)
    expect(ws.getCell(4, mental).value).toBe("*");
    // a column with no hidden cell keeps its SUM; one with hidden cells gets a value or a mark, never a SUM over text
    expect(ws.getCell(6, fisik + 5).value).toEqual({ formula: `SUM(O4:O5)`, result: 9 });
    expect(ws.getCell(6, mental).value).toBe("<5");
    expect(ws.getCell(6, 2).value).toEqual({ formula: "SUM(B4:B5)", result: 20 });
  });

  it("the same totals in Markdown, CSV and HTML", () => {
    const md = markdownDoc(doc);
    const html = htmlDoc(doc, reportCharts(year));
    const csv = Papa.parse<string[]>(csvTable(table("renja")).replace(/^\uFEFF/, "")).data.filter((r) => r.length > 1);
    const total = csv[csv.length - 1]!;
    expect(total.slice(5, 7)).toEqual(["30", "30000000"]);
    expect(total.slice(15, 19)).toEqual(["20", "28500000", "66.7", "95.0"]);
    expect(md).toContain("| **Jumlah** |  |  | **30** | **Rp 30.000.000** |");
    expect(md).toContain("**Rp 28.500.000** | **66,7%** | **95,0%**");
    expect(html).toContain("<td class=\"n\">Rp 28.500.000</td><td class=\"n\">66,7%</td>");
    expect(html).toContain("Menjahit &lt;b&gt;&amp;");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("the same suppressed cells in every format", () => {
    const t = table("gedsi");
    const csv = Papa.parse<string[]>(csvTable(t).replace(/^\uFEFF/, "")).data;
    const fisik = t.columns.findIndex((c) => c.header === "Fisik");
    expect(csv[1]?.[fisik]).toBe("<5");
    expect(markdownDoc(doc)).toMatch(/\| a \| 12 \|.*\| <5 \|/);
    expect(htmlDoc(doc)).toContain('<td class="n hidden">&lt;5</td>');
  });

  it("XLSX bytes do not depend on the clock", async () => {
    const a = await renderXlsx(doc.tables, { title: doc.title, when: WHEN });
    await new Promise((r) => setTimeout(r, 2100)); // zip times have 2-second resolution
    const b = await renderXlsx(doc.tables, { title: doc.title, when: WHEN });
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
