/**
 * `pelatihan verify FILE.pdf|CODE|TOKEN`: checks a certificate offline with the office's
 * public key and, where present, its register. Exit 0 only for a valid certificate.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { normaliseCode, parseToken, TOKEN_PREFIX } from "../domain/certificate-claim.js";
import { decideVerdict, type Verdict, type VerifyInput } from "../domain/certificate-verdict.js";
import { formatRange, formatTanggal } from "../domain/dates.js";
import { UserError } from "../errors.js";
import { archivedPublicKeys, keyPaths, loadPublicKey, verifyToken, type PublicKeyInfo } from "../io/keys.js";
import { Ledger } from "../io/ledger.js";
import { displayPath } from "../pipeline/workspace.js";
import { asLang, useColor } from "./options.js";
import { workspaceRoot } from "./workspace-root.js";

type Source = VerifyInput["source"];

async function classify(input: string, cwd: string): Promise<Source> {
  const st = await stat(resolve(cwd, input)).catch(() => undefined);
  if (st?.isFile() || /\.pdf$/i.test(input)) return "pdf";
  if (input.trim().startsWith(TOKEN_PREFIX)) return "token";
  if (normaliseCode(input) !== undefined) return "code";
  throw new UserError("VERIFY_INPUT", `bukan berkas PDF, kode verifikasi, atau token / not a PDF file, a verification code or a token: ${input.slice(0, 60)}`, {
    hint: "Contoh / examples: pelatihan verify sertifikat.pdf · pelatihan verify 7KQM-2XHD-9PRA-4WFE",
  });
}

export async function runVerify(input: string, opts: Record<string, unknown>): Promise<number> {
  const en = asLang(opts.lang) === "en";
  const cwd = process.cwd();
  const root = workspaceRoot(undefined, cwd);
  const source = await classify(input, cwd);

  const keyPath = typeof opts.key === "string" ? resolve(cwd, opts.key) : keyPaths(root).publicKey;
  const key = await loadPublicKey(keyPath);
  // earlier keys of this office (kept by `keys init --force`) still verify what they signed
  const keys: PublicKeyInfo[] = [key, ...(await archivedPublicKeys(dirname(keyPath)))];

  const ledgerFile = typeof opts.ledger === "string" ? resolve(cwd, opts.ledger) : Ledger.path(root);
  const haveLedger = (await stat(ledgerFile).catch(() => undefined))?.isFile() === true;
  if (typeof opts.ledger === "string" && !haveLedger) {
    throw new UserError("LEDGER_MISSING", `register tidak ditemukan / register not found: ${displayPath(cwd, ledgerFile)}`);
  }
  const ledger = haveLedger ? await Ledger.open(dirname(ledgerFile), { readOnly: true, file: ledgerFile }) : undefined;

  const vi: VerifyInput = { source, keyId: key.keyId };
  let token: string | undefined;
  if (source === "pdf") {
    const file = resolve(cwd, input);
    const data = await readFile(file).catch(() => {
      throw new UserError("VERIFY_INPUT", `berkas tidak dapat dibaca / cannot read the file: ${input}`);
    });
    const { readCertificatePdf } = await import("../io/certificate-pdf-read.js");
    const pdf = await readCertificatePdf(data, displayPath(cwd, file));
    token = pdf.token;
    vi.pdf = { hasToken: token !== undefined, text: pdf.text, sha256: createHash("sha256").update(data).digest("hex") };
  } else if (source === "token") {
    token = input.trim();
  } else if (ledger) {
    token = ledger.byCode(input)?.token;
    vi.ledger = {};
  }
  if (token !== undefined) {
    const keyId = parseToken(token)?.claim.keyId;
    const signer = keys.find((k) => k.keyId === keyId) ?? key;
    const r = verifyToken(signer, token);
    vi.token = r.ok ? r : { ...r, ...(keyId ? { keyId } : {}) };
    if (r.ok) vi.keyId = signer.keyId;
  }
  if (ledger) {
    const number = vi.token?.ok ? vi.token.claim.number : undefined;
    const e = number !== undefined ? ledger.byNumber(number) : undefined;
    vi.ledger = { ...(e ? { entry: { code: e.code, sha256: e.sha256, ...(e.earlierSha256 ? { earlierSha256: e.earlierSha256 } : {}), ...(e.revoked ? { revoked: e.revoked } : {}) } } : {}) };
  }
  const verdict = decideVerdict(vi);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(toJson(verdict, en), null, 2)}\n`);
  } else {
    process.stdout.write(renderVerdict(verdict, { en, color: useColor(process.stdout, opts.color as boolean | undefined), key: displayPath(cwd, keyPath), ledger: ledger ? displayPath(cwd, ledgerFile) : undefined }));
  }
  return verdict.status === "valid" ? 0 : 1;
}

function toJson(v: Verdict, en: boolean): unknown {
  return {
    status: v.status,
    reasons: v.checks.map((c) => ({ code: c.code, ok: c.ok ?? null, message: en ? c.en : c.id })),
    claim: v.claim ? { ...v.claim, code: v.code } : null,
  };
}

const HEAD = {
  valid: ["SAH", "VALID"],
  revoked: ["DICABUT", "REVOKED"],
  unknown: ["TIDAK DIKENAL", "UNKNOWN"],
  forged: ["PALSU ATAU DIUBAH", "FORGED OR ALTERED"],
} as const;

export function renderVerdict(v: Verdict, o: { en: boolean; color: boolean; key: string; ledger: string | undefined }): string {
  const paint = (s: string) => (o.color ? `\x1b[${v.status === "valid" ? 32 : 31}m${s}\x1b[0m` : s);
  const head = HEAD[v.status][o.en ? 1 : 0];
  const out = [paint(o.en ? `Certificate: ${head}` : `Sertifikat: ${head}`)];
  const c = v.claim;
  if (c) {
    const rows: [string, string][] = o.en
      ? [["number", c.number], ["name", c.name], ["program", `${c.title} (${c.program})`], ["dates", formatRange(c.start, c.end)], ["issuer", c.issuer], ["issued", formatTanggal(c.issued)], ["kind", c.kind === "sertifikat" ? "certificate" : "certificate of attendance"], ["code", v.code ?? ""]]
      : [["nomor", c.number], ["nama", c.name], ["program", `${c.title} (${c.program})`], ["tanggal", formatRange(c.start, c.end)], ["penerbit", c.issuer], ["terbit", formatTanggal(c.issued)], ["jenis", c.kind === "sertifikat" ? "sertifikat" : "surat keterangan mengikuti pelatihan"], ["kode", v.code ?? ""]];
    for (const [k, val] of rows) out.push(`  ${k.padEnd(9)}${val}`);
  }
  out.push(o.en ? "Checks:" : "Pemeriksaan:");
  for (const ch of v.checks) out.push(`  ${ch.ok === true ? "[ok]" : ch.ok === false ? "[x] " : "[-] "} ${o.en ? ch.en : ch.id}`);
  out.push(o.en ? `  key: ${o.key}; register: ${o.ledger ?? "none"}` : `  kunci: ${o.key}; register: ${o.ledger ?? "tidak ada"}`);
  out.push(
    o.en
      ? "Note: this is a verification code, not a legal electronic signature (TTE); the signatory signs the certificate."
      : "Catatan: ini kode verifikasi, bukan tanda tangan elektronik (TTE) yang sah secara hukum; pejabat tetap menandatangani sertifikat.",
  );
  return `${out.join("\n")}\n`;
}
