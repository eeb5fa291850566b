/**
 * pelatihan verify on small PDFs made here with pdfkit (token in the info dictionary, name,
 * number and code printed), independent of the certificate renderer.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import type { CertificateClaim } from "../../src/domain/certificate-claim.js";
import { createKeys, loadSigningKey, signClaim, type SigningKey } from "../../src/io/keys.js";
import { Ledger } from "../../src/io/ledger.js";
import { runCli } from "../helpers/cli.js";
import { sampleClaim } from "../helpers/claims.js";

const FONT = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");

function pdf(lines: string[], token?: string): Promise<Buffer> {
  const when = new Date("2022-11-11T00:00:00Z");
  const info: Record<string, unknown> = { Title: "Sertifikat", CreationDate: when, ModDate: when };
  if (token) info.VerificationToken = token;
  const doc = new PDFDocument({ size: "A4", layout: "landscape", info: info as PDFKit.DocumentInfo });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on("end", () => r(Buffer.concat(chunks))));
  doc.font(FONT).fontSize(14);
  for (const l of lines) doc.text(l, { width: 300 });
  doc.end();
  return done;
}

const base: CertificateClaim = sampleClaim();

let ws: string;
let root: string;
let key: SigningKey;
const cert: Record<string, { token: string; code: string; file: string; number: string }> = {};

async function issue(l: Ledger, seq: number, name: string, nik: string): Promise<void> {
  const number = `500.8.1/${String(seq).padStart(3, "0")}/424.083/2022`;
  const s = signClaim(key, { ...base, number, name });
  const bytes = await pdf(["SERTIFIKAT", `Nomor: ${number}`, "diberikan kepada", name, `Kode verifikasi: ${s.code}`], s.token);
  const file = join(ws, `${seq}.pdf`);
  writeFileSync(file, bytes);
  l.issue({ number, series: "500.8.1/{seq}/424.083/2022", seq, program: base.program, nik, name, kind: "sertifikat", issued: base.issued, file: `${seq}.pdf`, sha256: createHash("sha256").update(bytes).digest("hex"), code: s.code, token: s.token });
  cert[seq] = { token: s.token, code: s.code, file, number };
}

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), "pelatihan-verify-"));
  root = join(ws, "data");
  mkdirSync(join(root, "programs"), { recursive: true });
  await createKeys(root);
  key = await loadSigningKey(root);
  const l = await Ledger.open(root);
  await issue(l, 1, base.name, "3514010101900001");
  await issue(l, 2, "Dédé Šťastný", "3514010101900002");
  await issue(l, 3, "Ma'ruf", "3514010101900003");
  l.revoke("500.8.1/002/424.083/2022", "nama salah ketik");
  await l.close();
});

const verify = (args: string[]) => runCli(["verify", ...args], { cwd: ws });
const c = (n: number) => cert[n] as { token: string; code: string; file: string; number: string };

describe("pelatihan verify FILE.pdf", () => {
  it("a certificate as issued is valid (exit 0): signature, printed name, number and code, register, file hash", () => {
    const r = verify([c(1).file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sertifikat: SAH$/m);
    expect(r.stdout).toContain(base.name);
    for (const ok of ["tanda tangan digital cocok", "nama tercetak sama", "nomor tercetak sama", `kode verifikasi tercetak cocok (${c(1).code})`, "tercatat di register, tidak dicabut", "berkas sama persis"]) {
      expect(r.stdout).toMatch(new RegExp(`\\[ok\\] ${ok.replace(/[()]/g, "\\$&")}`));
    }
    expect(r.stdout).toMatch(/bukan tanda tangan elektronik \(TTE\)/);
    expect(r.stdout).not.toMatch(/3514010101900001/);
  });

  it("a revoked certificate says so with the reason (exit 1)", () => {
    const r = verify([c(2).file, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Certificate: REVOKED$/m);
    expect(r.stdout).toMatch(/\[x\] +revoked \d{4}-\d{2}-\d{2}: nama salah ketik/);
  });

  it("a PDF whose printed name or number was edited is forged", async () => {
    const edited = join(ws, "edited-name.pdf");
    writeFileSync(edited, await pdf(["SERTIFIKAT", `Nomor: ${c(3).number}`, "Ma'rufah", `Kode verifikasi: ${c(3).code}`], c(3).token));
    const r = verify([edited, "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { status: string; reasons: { code: string; ok: boolean | null }[]; claim: { name: string } };
    expect(j.status).toBe("forged");
    expect(j.claim.name).toBe("Ma'ruf");
    expect(j.reasons.filter((x) => x.ok === false).map((x) => x.code)).toEqual(["NAME_NOT_PRINTED", "FILE_HASH_DIFFERS"]);

    const number = join(ws, "edited-number.pdf");
    writeFileSync(number, await pdf(["SERTIFIKAT", "Nomor: 500.8.1/009/424.083/2022", "Ma'ruf", `Kode verifikasi: ${c(3).code}`], c(3).token));
    const n = JSON.parse(verify([number, "--json"]).stdout) as { status: string; reasons: { code: string; ok: boolean | null }[] };
    expect(n.status).toBe("forged");
    expect(n.reasons.filter((x) => x.ok === false).map((x) => x.code)).toEqual(["NUMBER_NOT_PRINTED", "FILE_HASH_DIFFERS"]);
  });

  it("without the register the signature and print are still checked, and it says revocation was not checked", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "pelatihan-verify-"));
    const r = runCli(["verify", c(2).file, "--key", join(root, "kunci", "kunci-publik.pem")], { cwd: elsewhere });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[-\] +register tidak tersedia: pencabutan tidak diperiksa/);
  });

  it("another office's key, a PDF without token and a file changed after issue", async () => {
    const other = mkdtempSync(join(tmpdir(), "pelatihan-verify-"));
    const otherKey = await createKeys(other);
    const a = verify([c(1).file, "--key", otherKey.path, "--json"]);
    expect(a.code).toBe(1);
    expect((JSON.parse(a.stdout) as { status: string; reasons: { code: string }[] }).reasons[0]?.code).toBe("OTHER_KEY");

    const plain = join(ws, "plain.pdf");
    writeFileSync(plain, await pdf(["SERTIFIKAT", base.name]));
    const b = verify([plain]);
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/^Sertifikat: TIDAK DIKENAL$/m);

    const resaved = join(ws, "resaved.pdf");
    writeFileSync(resaved, Buffer.concat([readFileSync(c(1).file), Buffer.from("\n% appended\n")]));
    const d = verify([resaved, "--json"]);
    expect(JSON.parse(d.stdout)).toMatchObject({ status: "forged" });
  });
});

describe("pelatihan verify CODE|TOKEN", () => {
  it("a short code typed in lower case with spaces finds the certificate in the register", () => {
    const r = verify([c(1).code.toLowerCase().replace(/-/g, " ")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(c(1).number);
    expect(verify([c(2).code]).code).toBe(1);
  });

  it("a code not in the register, or with no register at all, is unknown", () => {
    const r = verify(["ZZZZ-ZZZZ-ZZZZ-ZZZZ", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "unknown", reasons: [{ code: "CODE_NOT_IN_LEDGER" }], claim: null });
    const elsewhere = mkdtempSync(join(tmpdir(), "pelatihan-verify-"));
    const n = runCli(["verify", c(1).code, "--key", join(root, "kunci", "kunci-publik.pem"), "--lang", "en"], { cwd: elsewhere });
    expect(n.code).toBe(1);
    expect(n.stdout).toMatch(/short code can only be checked against the office's register/);
  });

  it("the token of the QR code verifies; a changed token is forged; a number missing from the register is unknown", () => {
    expect(verify([c(3).token]).code).toBe(0);
    const t = c(3).token;
    const dot = t.lastIndexOf(".");
    const sig = Buffer.from(t.slice(dot + 1), "base64url");
    sig[5] = (sig[5] as number) ^ 1;
    const bad = verify([`${t.slice(0, dot + 1)}${sig.toString("base64url")}`, "--json"]);
    expect(JSON.parse(bad.stdout)).toMatchObject({ status: "forged", reasons: [{ code: "SIGNATURE_BAD" }] });
    const unrecorded = signClaim(key, { ...base, number: "500.8.1/777/424.083/2022" });
    expect(JSON.parse(verify([unrecorded.token, "--json"]).stdout)).toMatchObject({ status: "unknown" });
  });

  it("input that is none of these, or no key, stops with exit 2", () => {
    const r = verify(["hello"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/VERIFY_INPUT/);
    const elsewhere = mkdtempSync(join(tmpdir(), "pelatihan-verify-"));
    const k = runCli(["verify", c(1).code], { cwd: elsewhere });
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/KEYS_MISSING/);
  });
});
