import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CertificateFields } from "../../src/domain/certificate-types.js";
import { createRenderer, type CertificateRenderer } from "../../src/io/certificate-pdf.js";
import { loadTemplate, type ParsedTemplate } from "../../src/io/certificate-template.js";
import { fitLine } from "../../src/io/certificate-fit.js";
import { openFace, resolveFont } from "../../src/io/certificate-fonts.js";
import { pdfPages } from "../helpers/pdf-text.js";

const templates = join(import.meta.dirname, "../../templates");
const fields = (over: Partial<CertificateFields> = {}): CertificateFields => ({
  kind: "sertifikat", jenis: "SERTIFIKAT", nama: "Siti Aminah", nik: "", judul: "Pelatihan Handicraft bagi Penyandang Disabilitas",
  penyelenggara: "Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan", tempat: "Gazebo Latek, Bangil", tanggal: "7-10 November 2022",
  jp: "32", hasil: "Lulus", nomor: "500.8.1/015/424.083/2022", tempat_tanggal_terbit: "Pasuruan, 11 November 2022", kode: "7KQM-2XHD-9PRA-4WFE",
  mitra: "", signatories: [{ nama: "Ir. Hj. Siti Aminah, M.M.", jabatan: "Kepala Dinas", nip: "19680411 199303 1 009", pangkat: "" }],
  logo: join(templates, "logo-contoh.svg"), token: "PLT1.abc_-123.sig_-456", tanggal_terbit_iso: "2022-11-11", ...over,
});
const squash = (s: string): string => s.replace(/\s+/g, "");

async function metadata(b: Uint8Array): Promise<Record<string, unknown>> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(b), verbosity: 0 }).promise;
  const m = await doc.getMetadata();
  await doc.destroy();
  return m.info as Record<string, unknown>;
}

let r: CertificateRenderer;
let t: ParsedTemplate;
let dir: string;
beforeAll(async () => {
  t = (await loadTemplate(join(templates, "sertifikat-formal.svg"))) as ParsedTemplate;
  r = await createRenderer(t, { workers: 0 });
  dir = mkdtempSync(join(tmpdir(), "cert-pdf-"));
});
afterAll(async () => {
  await r.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("certificate PDF", () => {
  it("prints the fields; metadata carries title, author, subject and the token", async () => {
    const b = await r.render(fields());
    const [text] = await pdfPages(b);
    for (const s of ["SERTIFIKAT", "Siti Aminah", "500.8.1/015/424.083/2022", "7-10 November 2022", "Gazebo Latek, Bangil", "Lulus", "7KQM-2XHD-9PRA-4WFE", "Pasuruan, 11 November 2022", "NIP. 19680411 199303 1 009"]) {
      expect(squash(text ?? "")).toContain(squash(s));
    }
    expect(text).not.toContain("Mengetahui"); // block of the missing 2nd signatory is not drawn
    expect(text).not.toContain("NIK");
    const info = await metadata(b);
    expect(info.Title).toBe("Sertifikat 500.8.1/015/424.083/2022");
    expect(info.Author).toBe("Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan");
    expect(info.Subject).toBe("Sertifikat pelatihan - kode verifikasi 7KQM-2XHD-9PRA-4WFE");
    expect((info.Custom as Record<string, unknown>).VerificationToken).toBe("PLT1.abc_-123.sig_-456");
  });

  it("same fields give the same bytes; another name gives other bytes", async () => {
    const a = await r.render(fields());
    expect(Buffer.from(await r.render(fields())).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(await r.render(fields({ nama: "Siti Aminah." }))).equals(Buffer.from(a))).toBe(false);
  });

  it.each([`<b>&"'</b>`, "../../etc/passwd", "Ni Luh Putu Ayu Sri Wahyuningsih Pratiwi", "Ma'ruf", "Dédé Šťastný", "Nguyễn Thị Minh Khai"])("prints the name %s as written", async (nama) => {
    const [text] = await pdfPages(await r.render(fields({ nama })));
    expect(squash(text ?? "")).toContain(squash(nama));
  });

  it("a 120-character name is printed whole, wrapped inside its box", async () => {
    const nama = "Raden Ajeng Kartini Dyah Ayu Puspitasari Wulandari Kusumaningrum Setyaningsih Widyastuti Rahmawati Handayani Parameswari";
    expect(nama.length).toBe(120);
    const [text] = await pdfPages(await r.render(fields({ nama })));
    expect(squash(text ?? "")).toContain(squash(nama));
    const item = t.texts.find((x) => x.placeholders.includes("nama"));
    const line = item?.lines[0];
    if (!item || !line || item.maxWidth === undefined) throw new Error("no name box");
    const run = line.runs[0];
    if (!run) throw new Error("no run");
    const face = openFace(resolveFont(run.font, t.dir));
    const placed = fitLine([{ text: nama, face, size: run.size, fill: run.fill }], line, item.maxWidth, item.maxLines, item.minSize);
    expect(placed.length).toBe(2);
    for (const p of placed) {
      const w = p.runs.reduce((n, x) => n + (face.layout(x.text).width * x.size) / 1000, 0);
      expect(w).toBeLessThanOrEqual(item.maxWidth);
      expect(p.x).toBeGreaterThanOrEqual(line.x - item.maxWidth / 2 - 0.01);
      expect(p.runs[0]?.size).toBeGreaterThan(5); // readable: about 15 pt at mm units
    }
  });

  it("reports a character the fonts cannot draw", () => {
    expect(r.missingGlyph(fields())).toBeUndefined();
    expect(r.missingGlyph(fields({ nama: "Budi 🙂" }))).toEqual({ field: "nama", char: "🙂" });
    expect(r.missingGlyph(fields({ tempat: "東京" }))).toEqual({ field: "tempat", char: "東" });
  });

  it("writes a merged PDF, one page per certificate", async () => {
    const path = join(dir, "gabungan.pdf");
    const m = await r.openMerged(path);
    for (const nama of ["Ani", "Budi", "Citra"]) await m.add(fields({ nama }));
    await m.finish();
    const pages = await pdfPages(readFileSync(path));
    expect(pages.length).toBe(3);
    expect(pages[2]).toContain("Citra");
  });

  it("the portrait template renders with three signatories", async () => {
    const p = await createRenderer(await loadTemplate(join(templates, "sertifikat-potret.svg")), { workers: 0 });
    const s = { nama: "Drs. Bambang", jabatan: "Kepala Bidang", nip: "", pangkat: "" };
    const [text] = await pdfPages(await p.render(fields({ signatories: [...fields().signatories, s, { ...s, nama: "Dra. Wati" }] })));
    await p.close();
    for (const x of ["Siti Aminah", "Drs. Bambang", "Dra. Wati", "Mengetahui", "bukan tanda tangan elektronik (TTE)"]) expect(text).toContain(x);
  });
});
