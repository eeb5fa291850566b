/**
 * End to end: `pelatihan keys init`, `certificates`, reruns, revoke, verify and a run
 * killed in the middle, on copies of the sample workspace and on generated lists.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO, runCli } from "../helpers/cli.js";
import { pdfPages } from "../helpers/pdf-text.js";
import { makeWorkspace } from "../helpers/workspace.js";

const HANDICRAFT = "data/programs/handicraft-disabilitas-2022.yaml";
const OUT = join("out", "handicraft-disabilitas-2022", "sertifikat");

function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "pelatihan-cert-"));
  cpSync(join(REPO, "data"), join(dir, "data"), { recursive: true });
  return dir;
}

const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) {
      const p = join(f.parentPath, f.name);
      m.set(p.slice(dir.length + 1), sha(readFileSync(p)));
    }
  }
  return m;
}

/** Manifest rows as objects (the file is UTF-8 with BOM, CRLF, no quoted commas in these tests). */
function manifest(dir: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(dir, "daftar-sertifikat.csv"), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  const cols = (head ?? "").split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i] ?? "", v])));
}

function registerLines(ws: string): string[] {
  return readFileSync(join(ws, "data", "register-sertifikat.csv"), "utf8").trim().split("\n").slice(1);
}

describe("certificates on the sample handicraft program", () => {
  const ws = sampleCopy();
  const dir = join(ws, OUT);

  it("refuses to issue without the office key, and says how to make one", () => {
    const r = runCli(["certificates", HANDICRAFT], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/KEYS_MISSING/);
    expect(r.stderr).toMatch(/pelatihan keys init/);
    expect(existsSync(join(ws, "data", "register-sertifikat.csv"))).toBe(false);
  });

  it("issues 18 numbered certificates, a merged PDF and the manifest", async () => {
    expect(runCli(["keys", "init"], { cwd: ws }).code).toBe(0);
    const r = runCli(["certificates", HANDICRAFT], { cwd: ws });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/18 sertifikat baru/);
    expect(r.stdout).toMatch(/bukan tanda tangan elektronik \(TTE\)/);
    const files = readdirSync(dir).filter((f) => /^\d{3}-.+\.pdf$/.test(f));
    expect(files).toHaveLength(18);
    const rows = manifest(dir);
    expect(rows.map((x) => x.nomor)).toEqual(Array.from({ length: 18 }, (_, i) => `500.8.1/${String(i + 1).padStart(3, "0")}/424.083/2022`));
    for (const row of rows) {
      expect(row.nik).toMatch(/^3\d{3}\*{8}\d{4}$/);
      expect(row.status).toBe("berlaku");
      expect(sha(readFileSync(join(dir, row.berkas ?? "")))).toBe(row.sha256);
    }
    // two people missed two of four days
    const others = readFileSync(join(dir, "tanpa-sertifikat.csv"), "utf8");
    expect(others.match(/hadir 2 dari 4 hari \(50%\), kurang dari 80%/g)).toHaveLength(2);
    // the printed text: name, number, dates in Indonesian, place and date of signing
    const first = rows[0];
    const text = (await pdfPages(readFileSync(join(dir, first?.berkas ?? ""))))[0] ?? "";
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain((first?.nama ?? "").replace(/\s+/g, ""));
    expect(flat).toContain("500.8.1/001/424.083/2022");
    expect(flat).toContain("7-10November2022");
    expect(flat).toContain("Pasuruan,11November2022");
    expect(flat).toContain("32");
    const merged = await pdfPages(readFileSync(join(dir, "semua-sertifikat.pdf")));
    expect(merged).toHaveLength(18);
    // no full NIK anywhere in what was written or printed
    const niks = readFileSync(join(ws, "data", "participants", "handicraft-disabilitas-2022.csv"), "utf8").match(/\b\d{16}\b/g) ?? [];
    expect(niks.length).toBeGreaterThan(10);
    const published = [r.stdout, readFileSync(join(dir, "daftar-sertifikat.csv"), "utf8"), readFileSync(join(dir, "tanpa-sertifikat.csv"), "utf8"), text].join("\n");
    for (const n of niks) expect(published).not.toContain(n);
  });

  it("a rerun changes nothing: same numbers, same bytes, no new register line", () => {
    const before = snapshot(dir);
    const lines = registerLines(ws).length;
    const r = runCli(["certificates", HANDICRAFT], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 sertifikat baru, 18 tetap/);
    expect(snapshot(dir)).toEqual(before);
    expect(registerLines(ws)).toHaveLength(lines);
  });

  it("verify: a good certificate is valid, by file and by code", () => {
    const row = manifest(dir)[2];
    const byFile = runCli(["verify", join(OUT, row?.berkas ?? ""), "--json"], { cwd: ws });
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.stdout).status).toBe("valid");
    const byCode = runCli(["verify", row?.kode_verifikasi ?? ""], { cwd: ws });
    expect(byCode.code).toBe(0);
  });

  it("a new completer gets the next number; everyone else keeps theirs", () => {
    const list = join(ws, "data", "participants", "handicraft-disabilitas-2022.csv");
    const rows = readFileSync(list, "utf8").split("\n");
    // the first row that does not complete: mark all four days present
    const i = rows.findIndex((l, k) => k > 0 && (l.match(/,H(?=,)/g) ?? []).length < 3 && l.trim() !== "");
    expect(i).toBeGreaterThan(0);
    const cells = (rows[i] ?? "").split(",");
    cells.splice(8, 4, "H", "H", "H", "H");
    rows[i] = cells.join(",");
    writeFileSync(list, rows.join("\n"));
    const before = manifest(dir);
    const r = runCli(["certificates", HANDICRAFT], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 sertifikat baru, 18 tetap/);
    const after = manifest(dir);
    expect(after.slice(0, 18)).toEqual(before);
    expect(after[18]?.nomor).toBe("500.8.1/019/424.083/2022");
  });

  it("revoke: the number is never reused; a rerun gives the person a new number", () => {
    const target = manifest(dir)[4];
    const revokedFile = join(ws, OUT, target?.berkas ?? "");
    const copy = join(ws, "dicabut-copy.pdf");
    writeFileSync(copy, readFileSync(revokedFile));
    const noReason = runCli(["certificates", "revoke", target?.nomor ?? ""], { cwd: ws });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/REVOKE_REASON/);
    const r = runCli(["certificates", "revoke", target?.nomor ?? "", "data", "--reason", "nama salah ketik"], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(target?.nomor ?? "-");
    const again = runCli(["certificates", HANDICRAFT], { cwd: ws });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 sertifikat baru/);
    const rows = manifest(dir);
    const old = rows.find((x) => x.nomor === target?.nomor);
    expect(old?.status).toBe("dicabut");
    const replacement = rows.find((x) => x.nama === target?.nama && x.status === "berlaku");
    expect(replacement?.nomor).toBe("500.8.1/020/424.083/2022");
    expect(new Set(rows.map((x) => x.nomor)).size).toBe(rows.length);
    expect(existsSync(revokedFile)).toBe(false);
    expect(existsSync(join(dir, "dicabut", target?.berkas ?? "-"))).toBe(true);
    expect(again.stdout).toMatch(/dipindah ke .*dicabut\/: 1/);
    expect(again.stdout).not.toMatch(/sisa proses/);
    const v = runCli(["verify", copy, "--json"], { cwd: ws });
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).status).toBe("revoked");
  });

  it("verify: a certificate made with a valid token but another name is forged", async () => {
    const row = manifest(dir).find((x) => x.status === "berlaku");
    const good = readFileSync(join(dir, row?.berkas ?? ""));
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({ data: new Uint8Array(good), verbosity: 0 }).promise;
    const meta = (await doc.getMetadata()) as { info: { Custom?: Record<string, string> } };
    await doc.destroy();
    const token = meta.info.Custom?.VerificationToken ?? "";
    expect(token).toMatch(/^PLT1\./);
    const { loadTemplate } = await import("../../src/io/certificate-template.js");
    const { createRenderer } = await import("../../src/io/certificate-pdf.js");
    const renderer = await createRenderer(await loadTemplate(join(REPO, "templates", "sertifikat-formal.svg")), { workers: 0 });
    const fake = await renderer.render({
      kind: "sertifikat", jenis: "SERTIFIKAT", nama: "Orang Lain Sama Sekali", nik: "", judul: "Pelatihan Handicraft bagi Penyandang Disabilitas",
      penyelenggara: "Dinas", tempat: "Bangil", tanggal: "7-10 November 2022", jp: "32", hasil: "LULUS", nomor: row?.nomor ?? "",
      tempat_tanggal_terbit: "Pasuruan, 11 November 2022", kode: row?.kode_verifikasi ?? "", mitra: "", signatories: [{ nama: "X", jabatan: "Y", nip: "", pangkat: "" }],
      token, tanggal_terbit_iso: "2022-11-11",
    });
    await renderer.close();
    const forged = join(ws, "palsu.pdf");
    writeFileSync(forged, fake);
    const v = runCli(["verify", forged, "--json"], { cwd: ws });
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).status).toBe("forged");
  });
  it("summary counts the certificates in force from the register", () => {
    const r = runCli(["summary", HANDICRAFT, "--json"], { cwd: ws });
    const f = JSON.parse(r.stdout).programs[0];
    expect(f.certificates).toEqual({ count: manifest(dir).filter((x) => x.status === "berlaku").length, source: "ledger" });
    expect(f.certificates.count).toBe(19);
  });

  it("a certificate re-created with the other design keeps its number; the first file still verifies", () => {
    const row = manifest(dir).find((x) => x.status === "berlaku");
    const first = join(ws, "pertama.pdf");
    writeFileSync(first, readFileSync(join(dir, row?.berkas ?? "")));
    const r = runCli(["certificates", HANDICRAFT, "--template", "potret", "--out", "out-potret"], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 sertifikat baru, 0 tetap, 19 dibuat ulang/);
    const again = manifest(join(ws, "out-potret", "handicraft-disabilitas-2022", "sertifikat")).find((x) => x.nomor === row?.nomor);
    expect(again?.sha256).not.toBe(row?.sha256);
    const v = runCli(["verify", first, "--json"], { cwd: ws });
    expect(JSON.parse(v.stdout).status).toBe("valid");
    expect(v.code).toBe(0);
  });
});

describe("names: long, with path characters, with diacritics, and one the font cannot draw", () => {
  const header = "nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,disabilitas,hadir_1,hadir_2\n";
  const long = "Ni Luh Putu Ayu Sri Wahyuningsih Pratiwi Kusumawardhani Anak Agung Istri Mas Dewi Laksmi Saraswati Maharani Purnama Sari";
  const names = [long, "../../etc/passwd", "Ma'ruf Amin", "Dédé Šťastný", "Nguyễn Thị Hoa"];
  const rows = names.map((n, i) => `3514014101910${String(i + 1).padStart(3, "0")},"${n}",P,1991-01-01,Bangil,-,H,H`).join("\n");

  it("keeps every file inside its folder and prints every name exactly", async () => {
    expect(long).toHaveLength(120);
    const ws = makeWorkspace([{ id: "nama", list: header + rows + "\n", end: "2022-11-08", yaml: "quota:\n  total: 10\n" }]);
    expect(runCli(["keys", "init"], { cwd: ws }).code).toBe(0);
    const r = runCli(["certificates"], { cwd: ws });
    expect(r.stderr).toMatch(/^peringatan: data\/programs\/nama.yaml tidak punya certificate.signatories.*CERT_NO_SIGNATORY\)\n$/);
    expect(r.code).toBe(0);
    const dir = join(ws, "out", "nama", "sertifikat");
    const files = readdirSync(dir).filter((f) => f.endsWith(".pdf") && f !== "semua-sertifikat.pdf").sort();
    expect(files).toHaveLength(5);
    for (const f of files) expect(f).toMatch(/^\d{3}-[a-z0-9-]+\.pdf$/);
    expect(files.some((f) => f.includes("etc-passwd"))).toBe(true);
    const texts = await Promise.all(files.map(async (f) => ((await pdfPages(readFileSync(join(dir, f))))[0] ?? "").replace(/\s+/g, "")));
    for (const n of names) expect(texts.some((t) => t.includes(n.replace(/\s+/g, "")))).toBe(true);
  });

  it("stops before issuing anything when the font cannot draw a character", () => {
    const ws = makeWorkspace([{ id: "glyph", list: `${header}3514014101910001,"Li 李",P,1991-01-01,Bangil,-,H,H\n`, end: "2022-11-08" }]);
    expect(runCli(["keys", "init"], { cwd: ws }).code).toBe(0);
    const r = runCli(["certificates"], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:2: Li 李 \(3514\*{8}0001\).*"李" \(U\+674E\)/);
    expect(r.stderr).toMatch(/CERT_GLYPH_MISSING/);
    const reg = join(ws, "data", "register-sertifikat.csv");
    expect(!existsSync(reg) || readFileSync(reg, "utf8").trim().split("\n").length === 1).toBe(true);
  });
});

describe("a run killed in the middle", () => {
  it("loses and duplicates nothing: the next run completes the batch", async () => {
    const header = "nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,disabilitas,hadir_1\n";
    let list = header;
    for (let i = 1; i <= 400; i++) list += `3514014101910${String(i).padStart(3, "0")},Peserta Nomor ${i},P,1991-01-01,Bangil,-,H\n`;
    const ws = makeWorkspace([{ id: "besar", list, start: "2022-11-07", end: "2022-11-07", yaml: "quota:\n  total: 400\n" }]);
    expect(runCli(["keys", "init"], { cwd: ws }).code).toBe(0);
    const dir = join(ws, "out", "besar", "sertifikat");
    const child = spawn(process.execPath, [BIN, "certificates"], { cwd: ws, stdio: "ignore" });
    // kill -9 once some certificates exist
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        const n = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")).length : 0;
        if (n >= 60 || child.exitCode !== null) {
          clearInterval(t);
          child.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    await new Promise((r) => child.once("close", r));
    const r = runCli(["certificates"], { cwd: ws });
    expect(r.code).toBe(0);
    const rows = manifest(dir);
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((x) => x.nomor)).size).toBe(400);
    expect(rows.map((x) => x.nomor)).toEqual(Array.from({ length: 400 }, (_, i) => `besar/${String(i + 1).padStart(3, "0")}/${new Date().getFullYear()}`));
    for (const row of rows) expect(sha(readFileSync(join(dir, row.berkas ?? "")))).toBe(row.sha256);
    const pdfs = readdirSync(dir).filter((f) => /^\d+-/.test(f));
    expect(pdfs).toHaveLength(400);
    expect(readdirSync(dir).filter((f) => f.startsWith(".pelatihan-tmp"))).toEqual([]);
    const issued = registerLines(ws).filter((l) => l.startsWith("terbit,"));
    expect(issued).toHaveLength(400);
  }, 120_000);
});
