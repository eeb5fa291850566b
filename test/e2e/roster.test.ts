import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { REPO, expectGolden, runCli, transcript } from "../helpers/cli.js";
import { pdfPages } from "../helpers/pdf-text.js";
import { copyWorkspace, makeWorkspace } from "../helpers/workspace.js";

const FIXTURE = join(REPO, "test", "fixtures", "roster");

/** A fresh copy of the 30-applicant workspace (10 kecamatan, 20 seats, at most 2 each, at least 8 women). */
function workspace(): string {
  return copyWorkspace(FIXTURE);
}

const out = (ws: string, dir: string, file: string) => join(ws, dir, "roster-30", file);

describe("pelatihan roster (built binary)", () => {
  it("golden CSV, Markdown and terminal output for 30 applicants, 10 kecamatan, 20 seats", () => {
    const ws = workspace();
    const args = ["roster"];
    const run = runCli(args, { cwd: ws });
    expect(run.code).toBe(0);
    expectGolden("roster-30/transcript.md", transcript(args, run));
    expectGolden("roster-30/daftar-peserta.csv", readFileSync(out(ws, "out", "daftar-peserta.csv"), "utf8"));
    expectGolden("roster-30/ringkasan-seleksi.md", readFileSync(out(ws, "out", "ringkasan-seleksi.md"), "utf8"));
    const internal = runCli(["roster", "--profile", "internal", "--out", "internal", "--delimiter", ";"], { cwd: ws });
    expect(internal.code).toBe(0);
    expectGolden("roster-30-internal/daftar-peserta.csv", readFileSync(out(ws, "internal", "daftar-peserta.csv"), "utf8"));
    expectGolden("roster-30-internal/ringkasan-seleksi.md", readFileSync(out(ws, "internal", "ringkasan-seleksi.md"), "utf8"));
  });

  it("covers all 10 kecamatan with 20 seats, at most 2 each, and at least 8 women", () => {
    const ws = workspace();
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0);
    const text = readFileSync(out(ws, "out", "daftar-peserta.csv"), "utf8").replace(/^\uFEFF/, "");
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const selected = rows.filter((r) => r.status === "peserta");
    expect(selected).toHaveLength(20);
    const perKec = new Map<string, number>();
    for (const r of selected) perKec.set(r.kecamatan ?? "", (perKec.get(r.kecamatan ?? "") ?? 0) + 1);
    expect(perKec.size).toBe(10);
    expect(Math.max(...perKec.values())).toBe(2);
    expect(selected.filter((r) => r.jenis_kelamin === "P").length).toBeGreaterThanOrEqual(8);
  });

  it("writes the same bytes twice (XLSX, PDF included); public files never hold a full NIK", () => {
    const ws = workspace();
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0);
    const first = ["daftar-peserta.xlsx", "daftar-hadir.pdf"].map((f) => readFileSync(out(ws, "out", f)));
    expect(runCli(["roster", "--out", "again"], { cwd: ws }).code).toBe(0);
    const second = ["daftar-peserta.xlsx", "daftar-hadir.pdf"].map((f) => readFileSync(out(ws, "again", f)));
    expect(first[0]?.equals(second[0] as Buffer)).toBe(true);
    expect(first[1]?.equals(second[1] as Buffer)).toBe(true);
    expect(readFileSync(out(ws, "out", "daftar-peserta.csv"), "utf8")).not.toMatch(/\d{16}/);
  });

  it("XLSX: NIK and phone are text cells, names that look like formulas are neutralised", async () => {
    const ws = workspace();
    expect(runCli(["roster", "--profile", "internal"], { cwd: ws }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out(ws, "out", "daftar-peserta.xlsx")) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nikCol = header.indexOf("nik") + 1;
    const phoneCol = header.indexOf("telepon") + 1;
    const nameCol = header.indexOf("nama") + 1;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const nik = sheet.getRow(r).getCell(nikCol);
      expect(nik.type).toBe(ExcelJS.ValueType.String);
      expect(String(nik.value)).toMatch(/^\d{16}$/);
      expect(sheet.getRow(r).getCell(phoneCol).value).toMatch(/^08\d+$/);
      expect(sheet.getRow(r).getCell(nameCol).type).toBe(ExcelJS.ValueType.String);
    }
    const names = Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(nameCol).value));
    expect(names).toContain(`'=HYPERLINK("http://x","klik")`);
    expect(names).toContain("'+1 Ani Rahayu");
    expect(names).toContain("'@Rina Wulandari");
    const csv = readFileSync(out(ws, "out", "daftar-peserta.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(csv).toContain(",'+1 Ani Rahayu,");
  });

  it("PDF: list and one attendance sheet per day, page numbers, RAHASIA on every internal page", async () => {
    const ws = workspace();
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0);
    const pub = await pdfPages(readFileSync(out(ws, "out", "daftar-hadir.pdf")));
    expect(pub).toHaveLength(4);
    expect(pub[0]).toContain("DAFTAR PESERTA");
    expect(pub[0]).toContain("7-9 November 2022");
    expect(pub[0]).toContain("3514********0013");
    expect(pub.join(" ")).not.toMatch(/\d{16}/);
    expect(pub[1]).toContain("Senin, 7 November 2022");
    expect(pub[3]).toContain("Rabu, 9 November 2022");
    pub.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari 4`));
    expect(pub.join(" ")).not.toContain("RAHASIA");
    expect(runCli(["roster", "--profile", "internal", "--out", "internal"], { cwd: ws }).code).toBe(0);
    const internal = await pdfPages(readFileSync(out(ws, "internal", "daftar-hadir.pdf")));
    for (const p of internal) expect(p).toContain("RAHASIA - untuk keperluan internal");
  });

  it("PDF: names beyond Latin-1 and with combining marks, through the shaping tables the bundle loads on first use", async () => {
    // U+1EC5 makes fontkit look its glyph up in the Unicode tables; q + U+0303 has no
    // precomposed form, so it goes through fontkit's full layout
    const name = "Siti Aq\u0303ila Nguy\u1ec5n";
    const ws = makeWorkspace([{ id: "nama", list: `nik,nama,kecamatan\n3514010101900001,${name},Purwodadi\n`, yaml: "quota:\n  total: 1\n" }]);
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0);
    const pages = await pdfPages(readFileSync(join(ws, "out", "nama", "daftar-hadir.pdf")));
    // extraction may put a space before the combining mark's letter that follows it
    for (const p of pages) expect(p.normalize("NFC").replace(/\u0303 /g, "\u0303")).toContain(name.normalize("NFC"));
  });

  it("several programs: each PDF is complete, with the page count the command prints", async () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => `35140101019${String(i + 1).padStart(5, "0")},Peserta ${i + 1},Purwodadi`).join("\n");
    // the biggest first: a PDF thread that answered out of order would mix the counts up
    const sizes = { besar: 400, kecil: 3, sedang: 90 };
    const ws = makeWorkspace(Object.entries(sizes).map(([id, n]) => ({ id, list: `nik,nama,kecamatan\n${people(n)}\n`, yaml: `quota:\n  total: ${n}\n` })));
    const r = runCli(["roster"], { cwd: ws });
    expect(r.code).toBe(0);
    for (const id of Object.keys(sizes)) {
      const pages = await pdfPages(readFileSync(join(ws, "out", id, "daftar-hadir.pdf")));
      expect(r.stdout).toContain(`out/${id}/daftar-hadir.pdf (${pages.length} halaman)`);
      pages.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari ${pages.length}`));
    }
  });

  it("repeats the table header on every page of a long list", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `35140101019${String(i + 1).padStart(5, "0")},Peserta ${i + 1},Purwodadi`);
    const ws = makeWorkspace([{ id: "besar", list: `nik,nama,kecamatan\n${rows.join("\n")}\n`, end: "2022-11-07", yaml: "quota:\n  total: 120\n" }]);
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0);
    const pages = await pdfPages(readFileSync(join(ws, "out", "besar", "daftar-hadir.pdf")));
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) expect(p).toMatch(/No\s+Nama/);
    expect(pages.at(-1)).toContain("Peserta 120");
  });

  it("--skip-invalid: a repeated NIK leaves the first row in and marks the later ones", () => {
    const list = [
      "nik,nama,jenis_kelamin,kecamatan",
      "3514011201850001,Budi,L,Purwodadi",
      "3514014201850002,Ani,P,Bangil",
      "3514011201850001,Budi Lagi,L,Tutur",
      "3514011201850001,Budi Ketiga,X,Bangil",
    ].join("\n");
    const ws = makeWorkspace([{ id: "a", list: `${list}\n` }]);
    expect(runCli(["roster"], { cwd: ws }).code).toBe(1);
    expect(runCli(["roster", "--skip-invalid"], { cwd: ws }).code).toBe(0);
    const rows = readFileSync(join(ws, "out", "a", "daftar-peserta.csv"), "utf8").split("\r\n");
    expect(rows.find((r) => r.includes(",Budi,"))).toContain(",peserta,");
    expect(rows.find((r) => r.includes("Budi Lagi"))).toContain("tidak_memenuhi_syarat,,data tidak valid: NIK ganda");
    expect(rows.find((r) => r.includes("Budi Ketiga"))).toContain('"data tidak valid: jenis kelamin tidak valid, NIK ganda"');
  });

  it("stops on rows with data errors; --skip-invalid marks them instead", () => {
    const list = "nik,nama,kecamatan\n3514011201850001,Budi,Purwodadi\n35140112018500,Ani,Purwodadi\n3514011201850003,Eko,Atlantis\n";
    const ws = makeWorkspace([{ id: "a", list }]);
    const stop = runCli(["roster"], { cwd: ws });
    expect(stop.code).toBe(1);
    expect(stop.stderr).toContain("NIK_FORMAT");
    expect(stop.stderr).toContain("DISTRICT_UNKNOWN");
    expect(stop.stderr).toContain("--skip-invalid");
    expect(existsSync(join(ws, "out"))).toBe(false);
    const skip = runCli(["roster", "--skip-invalid"], { cwd: ws });
    expect(skip.code).toBe(0);
    const csv = readFileSync(join(ws, "out", "a", "daftar-peserta.csv"), "utf8");
    expect(csv).toContain("tidak_memenuhi_syarat,,data tidak valid: NIK tidak valid");
    expect(csv).toContain("tidak_memenuhi_syarat,,data tidak valid: kecamatan tidak dikenal");
  });

  it("--dry-run writes nothing; a changed CSV is only replaced with --force", () => {
    const ws = workspace();
    const dry = runCli(["roster", "--dry-run"], { cwd: ws });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("akan ditulis: out/roster-30/daftar-hadir.pdf");
    expect(existsSync(join(ws, "out"))).toBe(false);
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0);
    expect(runCli(["roster"], { cwd: ws }).code).toBe(0); // same bytes: fine
    const csv = out(ws, "out", "daftar-peserta.csv");
    writeFileSync(csv, readFileSync(csv, "utf8").replace("peserta,1,", "peserta,1,H"));
    const refused = runCli(["roster"], { cwd: ws });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("OUTPUT_CHANGED");
    expect(readFileSync(csv, "utf8")).toContain("peserta,1,H");
    // the PDF drawn meanwhile (on its own thread) and the documents already written to temporary
    // files are dropped, not left half-named
    expect(readdirSync(join(ws, "out", "roster-30")).sort()).toEqual(["daftar-hadir.pdf", "daftar-peserta.csv", "daftar-peserta.xlsx", "ringkasan-seleksi.md"]);
    expect(runCli(["roster", "--force"], { cwd: ws }).code).toBe(0);
    expect(readFileSync(csv, "utf8")).not.toContain("peserta,1,H");
  });

  it("the internal roster CSV reads back as the program's list: only peserta count for quotas", () => {
    const ws = workspace();
    expect(runCli(["roster", "--profile", "internal"], { cwd: ws }).code).toBe(0);
    const yaml = readFileSync(join(ws, "data", "programs", "roster-30.yaml"), "utf8").replace(
      "participants: ../participants/roster-30.csv",
      "participants: ../../out/roster-30/daftar-peserta.csv",
    );
    writeFileSync(join(ws, "data", "programs", "roster-30.yaml"), yaml);
    const v = runCli(["validate"], { cwd: ws });
    expect(v.stdout).toContain("0 galat");
    expect(v.code).toBe(0);
  });
});
