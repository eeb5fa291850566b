import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { rosterXlsx } from "../../src/io/xlsx-roster.js";
import { csvDocument } from "../../src/io/csv-write.js";

interface RosterTable {
  header: string[];
  kinds: string[];
  rows: string[][];
}

const table: RosterTable = {
  header: ["NIK", "Nama", "Telepon", "status", "urutan", "alasan"],
  kinds: ["nik", "nama", "telepon", "status", "urutan", "alasan"],
  rows: [
    ["3514014101900002", '=HYPERLINK("http://x","klik")', "081234567890", "peserta", "1", "terpilih: kecamatan Bangil (1/2)"],
    ["3514010101900003", "+1", "0343123456", "peserta", "2", "terpilih: kecamatan Bangil (2/2)"],
    ["3514010101900004", "@x & <b>", "", "cadangan", "3", "kursi penuh, cadangan ke-1"],
  ],
};

async function read(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no sheet");
  return ws;
}

describe("roster XLSX", () => {
  it("keeps spaces, escapes markup and drops characters XML cannot hold, in unique and shared columns", async () => {
    const t: RosterTable = {
      header: ["nama", "kecamatan"],
      kinds: ["nama", "kecamatan"],
      rows: [[" Ani & <Budi> ", " Bangil "], ["A\u0001B", "-5"], ["-5", "Tom & Jerry"]],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rosterXlsx(t, { title: "Uji", date: "2022-11-07", confidential: false }) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect([2, 3, 4].map((r) => ws?.getCell(`A${r}`).value)).toEqual([" Ani & <Budi> ", "AB", "-5"]);
    expect([2, 3, 4].map((r) => ws?.getCell(`B${r}`).value)).toEqual([" Bangil ", "-5", "Tom & Jerry"]);
  });

  it("puts every cell in its column when some cells are empty (cells after a row's first carry no reference)", async () => {
    const t: RosterTable = {
      header: ["nik", "nama", "telepon", "kecamatan", "status", "urutan", "alasan"],
      kinds: ["nik", "nama", "telepon", "kecamatan", "status", "urutan", "alasan"],
      rows: [
        ["", "Ani", "", "Bangil", "peserta", "1", "terpilih"],
        ["3514010101900003", "", "0343", "", "cadangan", "", ""],
        ["", "", "", "", "", "", "x"],
      ],
    };
    const ws = await read(rosterXlsx(t, { title: "Uji", date: "2022-11-07", confidential: false }));
    const rows = [2, 3, 4].map((r) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => ws.getCell(`${c}${r}`).value ?? ""));
    expect(rows).toEqual([
      ["", "Ani", "", "Bangil", "peserta", 1, "terpilih"],
      ["3514010101900003", "", "0343", "", "cadangan", "", ""],
      ["", "", "", "", "", "", "x"],
    ]);
  });

  it("writes NIK and phone numbers as text cells, urutan as a number", async () => {
    const ws = await read(rosterXlsx(table, { title: "Uji", date: "2022-11-07", confidential: false }));
    const nik = ws.getCell("A2");
    expect(nik.type).toBe(ExcelJS.ValueType.String);
    expect(nik.value).toBe("3514014101900002");
    expect(nik.numFmt).toBe("@");
    expect(ws.getCell("C2").value).toBe("081234567890");
    expect(ws.getCell("C2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("E3").value).toBe(2);
    expect(ws.getCell("A1").value).toBe("NIK");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:F4");
    expect(ws.getColumn(6).width).toBeGreaterThan(20);
  });

  it("neutralises formula-like text in XLSX and CSV; no cell is a formula", async () => {
    const ws = await read(rosterXlsx(table, { title: "Uji", date: "2022-11-07", confidential: false }));
    const names = [2, 3, 4].map((r) => ws.getCell(`B${r}`));
    for (const c of names) expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(names.map((c) => c.value)).toEqual(["'=HYPERLINK(\"http://x\",\"klik\")", "'+1", "'@x & <b>"]);
    const csv = csvDocument(table.header, table.rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(csv).toContain(",'+1,");
    expect(csv).toContain(",'@x & <b>,");
  });

  it("gives the same bytes for the same roster, and says RAHASIA in the internal profile", async () => {
    const a = rosterXlsx(table, { title: "Uji", date: "2022-11-07", confidential: true });
    const b = rosterXlsx(table, { title: "Uji", date: "2022-11-07", confidential: true });
    expect(a.equals(b)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    expect(wb.title).toContain("RAHASIA - untuk keperluan internal");
    expect(wb.worksheets[0]?.headerFooter.oddHeader).toContain("RAHASIA - untuk keperluan internal");
  });
});
