import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkspace } from "../../src/pipeline/workspace.js";
import { scanPrograms } from "../../src/pipeline/scan.js";
import { makeWorkspace } from "../helpers/workspace.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "lists");

/** Every finding of a fixture list, as CODE@line (line 0: the whole file). */
async function codes(fixture: string): Promise<{ codes: string[]; rows: number; fatal: boolean }> {
  const root = makeWorkspace([{ id: "uji", list: join(FIXTURES, fixture) }]);
  const ws = await openWorkspace([], { cwd: root });
  const [r] = await scanPrograms(ws);
  if (!r) throw new Error("no result");
  return { codes: r.findings.map((f) => `${f.code}@${f.line ?? 0}`), rows: r.rows, fatal: r.fatal };
}

describe("participant lists from bad-inputs.md", () => {
  it.each([
    ["clean.csv", [], 3],
    ["bom.csv", [], 3],
    ["semicolon.csv", [], 3],
    ["utf16.csv", [], 3],
    ["aliases.csv", [], 1],
    ["blank-lines.csv", [], 2],
    ["header-only.csv", [], 0],
    ["formula-cells.csv", [], 5],
    ["cp1252.csv", ["CSV_ENCODING@0"], 2],
    ["ragged.csv", ["CSV_SYNTAX@3"], 2],
    ["unclosed-quote.csv", ["CSV_SYNTAX@3"], 1],
    ["stray-quote.csv", ["CSV_SYNTAX@3"], 2],
    ["duplicate-header.csv", ["CSV_HEADER_DUPLICATE@1"], 1],
    ["blank-header.csv", ["CSV_HEADER_BLANK@1"], 1],
    ["missing-column.csv", ["CSV_HEADER_MISSING@1"], 1],
    ["unknown-column.csv", ["CSV_HEADER_UNKNOWN@1"], 1],
    ["nik-excel-zeros.csv", ["NIK_EXCEL_DAMAGE@1"], 3],
    ["names.csv", ["NAME_SUSPICIOUS@2", "NAME_SUSPICIOUS@3", "NAME_SUSPICIOUS@4"], 5],
    [
      "nik-errors.csv",
      ["NIK_FORMAT@2", "NIK_FORMAT@3", "NIK_FORMAT@4", "NIK_FORMAT@5", "NIK_FORMAT@6", "NIK_DATE@8", "NIK_FORMAT@9", "NIK_DUPLICATE@11"],
      10,
    ],
    [
      "dates.csv",
      ["NIK_BIRTHDATE_MISMATCH@3", "NIK_BIRTHDATE_MISMATCH@4", "DATE_INVALID@5", "DATE_INVALID@6", "DATE_INVALID@7"],
      6,
    ],
    [
      "values.csv",
      [
        "ATTENDANCE_INVALID@2",
        "DISABILITY_INVALID@2",
        "DISTRICT_UNKNOWN@2",
        "SEX_INVALID@2",
        "VALUE_INVALID@2",
        "VILLAGE_UNKNOWN@2",
        "NIK_BIRTHDATE_MISMATCH@4",
        "NIK_SEX_MISMATCH@4",
        "NIK_REGION@5",
      ],
      4,
    ],
  ])("%s", async (fixture, expected, rows) => {
    const r = await codes(fixture);
    expect([...r.codes].sort()).toEqual([...expected].sort());
    expect(r.rows).toBe(rows);
    expect(r.fatal).toBe(false);
  });

  it.each([
    ["empty.csv", "CSV_EMPTY@0"],
    ["invalid-bytes.csv", "CSV_ENCODING_INVALID@3"],
    ["does-not-exist.csv", "FILE_UNREADABLE@0"],
  ])("%s cannot be used at all", async (fixture, code) => {
    const r = await codes(fixture);
    expect(r.codes).toEqual([code]);
    expect(r.fatal).toBe(true);
  });
});
