/**
 * The verdict of `pelatihan verify` from what was found: the token's check, the text and
 * hash of the PDF, the register's entry. Pure: the command reads the files and prints.
 * Worst outcome wins: forged > revoked > unknown > valid.
 */
import { normaliseCode, type CertificateClaim } from "./certificate-claim.js";

export type VerifyStatus = "valid" | "revoked" | "unknown" | "forged";

export interface VerifyCheck {
  /** Stable code, e.g. SIGNATURE_OK, NAME_NOT_PRINTED. */
  code: string;
  /** true passed, false failed, undefined could not be checked. */
  ok: boolean | undefined;
  /** What failing this check makes of the certificate. */
  status: VerifyStatus;
  id: string;
  en: string;
}

export interface VerifyInput {
  source: "pdf" | "token" | "code";
  /** Key id of the office's public key. */
  keyId: string;
  /** Undefined when there was no token to check (PDF without one, code not found). */
  token?: { ok: true; claim: CertificateClaim; code: string } | { ok: false; reason: "format" | "key" | "signature"; keyId?: string };
  pdf?: { hasToken: boolean; text: string; sha256: string };
  /** Undefined when no register was available. */
  ledger?: { entry?: { code: string; sha256: string; earlierSha256?: string[]; revoked?: { reason: string; at: string } } };
}

export interface Verdict {
  status: VerifyStatus;
  checks: VerifyCheck[];
  claim?: CertificateClaim;
  code?: string;
}

const RANK: Record<VerifyStatus, number> = { valid: 0, unknown: 1, revoked: 2, forged: 3 };

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
const trimPunct = (s: string) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/**
 * Whether `wanted` is printed as whole words: some run of consecutive words of the page,
 * joined without their spaces (a long name wraps), equals it, give or take punctuation
 * around it ("Nomor: 500.8.1/001/2022,"). So "Ma'ruf" is not found in "Ma'rufah".
 */
export function printedAsWords(pageText: string, wanted: string): boolean {
  const target = trimPunct(squash(wanted));
  if (target === "") return false;
  const words = pageText.normalize("NFC").split(/\s+/).filter((w) => w !== "");
  for (let i = 0; i < words.length; i++) {
    let s = "";
    for (let j = i; j < words.length && s.length < target.length + 8; j++) {
      s += words[j];
      if (trimPunct(s) === target) return true;
    }
  }
  return false;
}

function check(code: string, ok: boolean | undefined, status: VerifyStatus, id: string, en: string): VerifyCheck {
  return { code, ok, status, id, en };
}

export function decideVerdict(v: VerifyInput): Verdict {
  const checks: VerifyCheck[] = [];
  const done = (claim?: CertificateClaim, code?: string): Verdict => {
    const failed = checks.filter((c) => c.ok === false);
    const status = failed.reduce<VerifyStatus>((s, c) => (RANK[c.status] > RANK[s] ? c.status : s), "valid");
    return { status, checks, ...(claim ? { claim } : {}), ...(code ? { code } : {}) };
  };

  if (v.source === "code") {
    if (!v.ledger) {
      checks.push(check("NO_LEDGER_FOR_CODE", false, "unknown", "register tidak tersedia: kode pendek hanya dapat diperiksa dengan register kantor (pindai kode QR atau periksa berkas PDF-nya)", "no register: a short code can only be checked against the office's register (scan the QR code or check the PDF file)"));
      return done();
    }
    if (!v.ledger.entry) {
      checks.push(check("CODE_NOT_IN_LEDGER", false, "unknown", "kode tidak ada di register", "code not in the register"));
      return done();
    }
  }
  if (v.pdf && !v.pdf.hasToken) {
    checks.push(check("PDF_NO_TOKEN", false, "unknown", "PDF tidak memuat token verifikasi (bukan sertifikat dari pelatihan, atau berkasnya dibuat ulang, mis. dicetak ke PDF atau dipindai)", "the PDF holds no verification token (not a pelatihan certificate, or the file was re-created, e.g. printed to PDF or scanned)"));
    return done();
  }
  const t = v.token;
  if (!t) return done();
  if (!t.ok) {
    if (t.reason === "format") checks.push(check("TOKEN_MALFORMED", false, "forged", "token verifikasi rusak atau tidak sah", "the verification token is damaged or invalid"));
    else if (t.reason === "key") checks.push(check("OTHER_KEY", false, "forged", `ditandatangani dengan kunci lain${t.keyId ? ` (id ${t.keyId})` : ""}, bukan kunci kantor (id ${v.keyId})`, `signed with another key${t.keyId ? ` (id ${t.keyId})` : ""}, not the office's key (id ${v.keyId})`));
    else checks.push(check("SIGNATURE_BAD", false, "forged", "tanda tangan digital tidak cocok: isi sertifikat diubah", "the digital signature does not match: the certificate's content was changed"));
    return done();
  }
  const { claim, code } = t;
  checks.push(check("SIGNATURE_OK", true, "forged", `tanda tangan digital cocok dengan kunci publik kantor (id ${claim.keyId})`, `digital signature matches the office's public key (id ${claim.keyId})`));

  if (v.pdf) {
    const text = squash(v.pdf.text);
    const nameOk = printedAsWords(v.pdf.text, claim.name);
    checks.push(check(nameOk ? "NAME_PRINTED" : "NAME_NOT_PRINTED", nameOk, "forged", nameOk ? "nama tercetak sama dengan yang ditandatangani" : `nama tercetak berbeda dari yang ditandatangani ("${claim.name}")`, nameOk ? "the printed name is the signed one" : `the printed name differs from the signed one ("${claim.name}")`));
    const numberOk = printedAsWords(v.pdf.text, claim.number);
    checks.push(check(numberOk ? "NUMBER_PRINTED" : "NUMBER_NOT_PRINTED", numberOk, "forged", numberOk ? "nomor tercetak sama dengan yang ditandatangani" : `nomor tercetak berbeda dari yang ditandatangani (${claim.number})`, numberOk ? "the printed number is the signed one" : `the printed number differs from the signed one (${claim.number})`));
    const printed = [...v.pdf.text.matchAll(/\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/g)].map((m) => normaliseCode(m[0]));
    if (text.includes(code) || printed.includes(code)) checks.push(check("CODE_PRINTED", true, "forged", `kode verifikasi tercetak cocok (${code})`, `the printed verification code matches (${code})`));
    else if (printed.length > 0) checks.push(check("CODE_MISMATCH", false, "forged", `kode verifikasi tercetak bukan ${code}`, `the printed verification code is not ${code}`));
    else checks.push(check("CODE_NOT_FOUND", undefined, "valid", "kode verifikasi tidak ditemukan di teks halaman (tidak diperiksa)", "no verification code found in the page text (not checked)"));
  }

  if (!v.ledger) {
    checks.push(check("NO_LEDGER", undefined, "valid", "register tidak tersedia: pencabutan tidak diperiksa", "no register: revocation not checked"));
    return done(claim, code);
  }
  const e = v.ledger.entry;
  if (!e) {
    checks.push(check("NUMBER_NOT_IN_LEDGER", false, "unknown", `nomor ${claim.number} tidak ada di register`, `number ${claim.number} is not in the register`));
    return done(claim, code);
  }
  if (e.code !== code) {
    checks.push(check("LEDGER_OTHER_CERTIFICATE", false, "unknown", "register mencatat sertifikat lain dengan nomor ini", "the register records another certificate under this number"));
    return done(claim, code);
  }
  if (e.revoked) checks.push(check("REVOKED", false, "revoked", `dicabut ${e.revoked.at.slice(0, 10)}: ${e.revoked.reason}`, `revoked ${e.revoked.at.slice(0, 10)}: ${e.revoked.reason}`));
  else checks.push(check("IN_LEDGER", true, "unknown", "tercatat di register, tidak dicabut", "recorded in the register, not revoked"));
  if (v.pdf) {
    const same = v.pdf.sha256 === e.sha256;
    const earlier = !same && (e.earlierSha256 ?? []).includes(v.pdf.sha256);
    if (earlier) {
      checks.push(check("FILE_HASH_EARLIER", true, "forged", "berkas sama persis dengan berkas yang diterbitkan sebelumnya untuk nomor ini (SHA-256; sesudahnya dibuat ulang dengan templat lain)", "the file is exactly an earlier issued file of this number (SHA-256; re-created later with another template)"));
    } else {
      checks.push(check(same ? "FILE_HASH_OK" : "FILE_HASH_DIFFERS", same, "forged", same ? "berkas sama persis dengan yang diterbitkan (SHA-256)" : "berkas berbeda dari yang diterbitkan (SHA-256): isinya diubah", same ? "the file is exactly the one issued (SHA-256)" : "the file differs from the one issued (SHA-256): it was changed"));
    }
  }
  return done(claim, code);
}
