import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Program } from "../../src/domain/program.js";
import { writeRosterPdf } from "../../src/io/pdf-roster.js";
import type { PdfPerson } from "../../src/report/roster-rows.js";
import { pdfPages } from "../helpers/pdf-text.js";

const program = {
  id: "uji-pdf",
  title: "Pelatihan Uji",
  organizer: "Dinas Uji",
  venue: "Balai Uji",
  start: "2022-11-07",
  end: "2022-11-07",
  days: 1,
} as Program;

const person = (name: string, n: number): PdfPerson => ({
  name,
  nik: `3514********${String(n).padStart(4, "0")}`,
  sex: "P",
  district: "Purwodadi",
  village: "Capang",
  phone: "",
});

async function draw(people: PdfPerson[]): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), "pdf-")), "x.pdf");
  await writeRosterPdf(file, program, people, "public");
  return pdfPages(readFileSync(file));
}

describe("roster PDF text", () => {
  it("draws plain names, names with combining marks, astral characters and long names", async () => {
    const combining = "Jose\u0301 Marti\u0301nez";
    const names = ["Siti Rahayu", combining, "Ni Luh Putu Ayu 𝓐", "Raden Ajeng Kartika Dewi Sekar Arum Wulandari Puspitaningrum Hadiningrat Kusumawardhani"];
    const pages = await draw(names.map(person));
    const all = pages.join(" ");
    expect(all).toContain("Siti Rahayu");
    // a combining mark is drawn through fontkit's full layout; extraction may compose it
    expect(all.normalize("NFC")).toContain("José Martínez");
    expect(all).toContain("Ni Luh Putu Ayu");
    expect(all).toContain("3514********0002");
    // a very long name is printed smaller, then cut with an ellipsis, never over the next column
    expect(all).toMatch(/Raden Ajeng Kartika Dewi[^…]*…/);
    expect(all).toContain("Halaman 1 dari 2");
    expect(pages[1]).toContain("Hari ke-1 dari 1: Senin, 7 November 2022");
  });

  it("breaks a long title into two lines between words, and cuts what does not fit", async () => {
    const title = "Pelatihan Peningkatan Kapasitas Pelaku Usaha Mikro Kecil dan Menengah Bidang Pengolahan Hasil Perikanan dan Kelautan bagi Kelompok Perempuan Pesisir Kabupaten Pasuruan Tahun Anggaran 2022";
    const file = join(mkdtempSync(join(tmpdir(), "pdf-")), "t.pdf");
    await writeRosterPdf(file, { ...program, title }, [person("Siti", 1)], "public");
    const first = (await pdfPages(readFileSync(file)))[0] ?? "";
    expect(first).toContain("Pelatihan Peningkatan Kapasitas");
    expect(first).toMatch(/Kelautan|Perempuan/);
    expect(first).toContain("…");
    expect(first).not.toContain("Tahun Anggaran 2022");
  });

  it("gives the same bytes for the same input", async () => {
    const people = Array.from({ length: 60 }, (_, i) => person(`Peserta ${i + 1}`, i + 1));
    const a = join(mkdtempSync(join(tmpdir(), "pdf-")), "a.pdf");
    const b = join(mkdtempSync(join(tmpdir(), "pdf-")), "b.pdf");
    await writeRosterPdf(a, program, people, "internal");
    await writeRosterPdf(b, program, people, "internal");
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const pages = await pdfPages(readFileSync(a));
    for (const p of pages) expect(p).toContain("RAHASIA - untuk keperluan internal");
    expect(pages.join(" ")).toContain("Peserta 60");
  });

  it("shows each attendance table once for every day, as a form drawn once, with the same text as drawn on each page", async () => {
    const days = { ...program, end: "2022-11-10", days: 4 };
    const people = Array.from({ length: 70 }, (_, i) => person(`Peserta ${i + 1}`, i + 1));
    const file = join(mkdtempSync(join(tmpdir(), "pdf-")), "d.pdf");
    await writeRosterPdf(file, days, people, "public");
    const bytes = readFileSync(file);
    const pages = await pdfPages(bytes);
    // 70 people: 2 list pages (33 + 38 rows), then 3 pages for each of the 4 days (25 + 29 + 16)
    expect(pages).toHaveLength(14);
    for (let d = 1; d <= 4; d++) {
      const first = 2 + 3 * (d - 1);
      const day = pages.slice(first, first + 3);
      expect(day[0]).toContain(`Hari ke-${d} dari 4`);
      day.forEach((p, k) => expect(p).toContain(`Halaman ${first + k + 1} dari 14`));
      expect(day.join(" ")).toContain("Peserta 70");
      expect(day.join(" ")).toContain("70.");
    }
    // forms, each drawn once: the three attendance tables' rows, shown by the pages of all
    // four days; the tables' headers (list and attendance, on a first page and after it) and
    // grids (one for each height and place: 2 for the list, 3 for the days)
    expect(bytes.toString("latin1").match(/\/Subtype \/Form/g)).toHaveLength(3 + 4 + 5);
  });

  it("draws the rows on every day's page when a name needs pdfkit's own layout", async () => {
    const days = { ...program, end: "2022-11-08", days: 2 };
    const file = join(mkdtempSync(join(tmpdir(), "pdf-")), "m.pdf");
    await writeRosterPdf(file, days, [person("Siti Rahayu", 1), person("Jose\u0301 Marti\u0301nez", 2)], "public");
    const bytes = readFileSync(file);
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(3);
    for (const p of pages.slice(1)) expect(p.normalize("NFC")).toContain("José Martínez");
    // only the tables' headers and grids are forms (list and attendance): the rows are drawn on each page
    expect(bytes.toString("latin1").match(/\/Subtype \/Form/g)).toHaveLength(4);
  });
});

describe("PdfFile", () => {
  it("writes what pdfkit wrote before and after it took over, in order, a chunk at a time, and counts the offset", async () => {
    const { Readable } = await import("node:stream");
    const { PdfFile } = await import("../../src/io/pdf-roster.js");
    const path = join(mkdtempSync(join(tmpdir(), "pdf-")), "x.pdf");
    // pdfkit's document as far as PdfFile uses it: a Readable that strings and bytes are written to
    const doc = Object.assign(new Readable({ read() {} }), { _offset: 0, _write(_data: string | Uint8Array): void {} });
    doc.push(Buffer.from("%PDF-1.3\n%\xff\xff\n", "latin1"));
    doc._offset = 13;
    const file = new PdfFile(path, 64);
    file.take(doc);
    const expected: Buffer[] = [Buffer.from("%PDF-1.3\n%\xff\xff\n", "latin1")];
    for (let i = 0; i < 40; i++) {
      const text = `${i} 0 obj \u00e9\u0100`;
      doc._write(text);
      // one byte per character, code & 255, and a line feed
      expected.push(Buffer.from(`${i} 0 obj \u00e9\u0000\n`, "latin1"));
      const bytes = new Uint8Array([i, 255, 0]);
      doc._write(bytes);
      expected.push(Buffer.from(bytes));
    }
    expect(file.ended).toBe(false);
    doc.push(null);
    expect(file.ended).toBe(true);
    file.flush();
    file.close();
    const want = Buffer.concat(expected);
    expect(readFileSync(path).equals(want)).toBe(true);
    expect(doc._offset).toBe(want.length);
  });
});
