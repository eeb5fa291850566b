/**
 * What a certificate's signature covers (the claim), its compact byte encoding, the token
 * carried by the QR code and the PDF, and the short code printed for people to type.
 *
 * Encoding, version 1 (every integer big-endian):
 *   u8 version (1) | u8 kind (0 sertifikat, 1 keterangan) |
 *   u16 start, u16 end, u16 issued (days since 2000-01-01) |
 *   u8 key id length + key id bytes |
 *   number, name, program, title, issuer: each a LEB128 length + UTF-8 (NFC) bytes.
 * Nothing else, nothing after: one claim has exactly one encoding, so a signature cannot
 * be moved onto a different-looking but equal claim. The title is cut to
 * CLAIM_TITLE_MAX characters to keep the QR code small; the program id identifies it.
 */
import type { CertificateKind } from "./certificate-types.js";

export interface CertificateClaim {
  number: string;
  name: string;
  /** Program id. */
  program: string;
  /** Program title, cut to CLAIM_TITLE_MAX characters. */
  title: string;
  /** ISO dates of the training. */
  start: string;
  end: string;
  /** Organiser. */
  issuer: string;
  /** ISO issue date. */
  issued: string;
  kind: CertificateKind;
  /** Hex id of the signing key (see src/io/keys.ts). */
  keyId: string;
}

export const CLAIM_VERSION = 1;
export const CLAIM_TITLE_MAX = 40;
export const TOKEN_PREFIX = "PLT1.";
const SIGNATURE_BYTES = 64;
const EPOCH = Date.UTC(2000, 0, 1);
const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The title as the claim keeps it: NFC, at most CLAIM_TITLE_MAX code points, cut at a word with "…". */
export function claimTitle(title: string): string {
  const chars = Array.from(title.normalize("NFC").trim());
  if (chars.length <= CLAIM_TITLE_MAX) return chars.join("");
  const cut = chars.slice(0, CLAIM_TITLE_MAX - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > CLAIM_TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  const n = (t - EPOCH) / DAY;
  if (!m || !Number.isInteger(n) || n < 0 || n > 0xffff || new Date(t).toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`claim date must be an ISO date from 2000-01-01: ${JSON.stringify(iso)}`);
  }
  return n;
}

function isoOfDay(n: number): string {
  return new Date(EPOCH + n * DAY).toISOString().slice(0, 10);
}

const encoder = new TextEncoder();

function pushString(out: number[], s: string): void {
  const b = encoder.encode(s.normalize("NFC"));
  let len = b.length;
  do {
    const low = len & 0x7f;
    len >>>= 7;
    out.push(len > 0 ? low | 0x80 : low);
  } while (len > 0);
  for (const x of b) out.push(x);
}

export function encodeClaim(c: CertificateClaim): Uint8Array {
  if (!/^(?:[0-9a-f]{2}){4,32}$/.test(c.keyId)) throw new RangeError(`key id must be 8-64 lowercase hex digits: ${JSON.stringify(c.keyId)}`);
  const out: number[] = [CLAIM_VERSION, c.kind === "keterangan" ? 1 : 0];
  for (const d of [c.start, c.end, c.issued]) {
    const n = dayNumber(d);
    out.push(n >> 8, n & 0xff);
  }
  out.push(c.keyId.length / 2);
  for (let i = 0; i < c.keyId.length; i += 2) out.push(parseInt(c.keyId.slice(i, i + 2), 16));
  for (const s of [c.number, c.name, c.program, claimTitle(c.title), c.issuer]) pushString(out, s);
  return Uint8Array.from(out);
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeClaim(b: Uint8Array): CertificateClaim | undefined {
  let at = 0;
  const byte = (): number => {
    if (at >= b.length) throw new RangeError("short");
    return b[at++] as number;
  };
  const str = (): string => {
    let len = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift > 21) throw new RangeError("length");
      const x = byte();
      len |= (x & 0x7f) << shift;
      if ((x & 0x80) === 0) {
        if (x === 0 && shift > 0) throw new RangeError("non-minimal length");
        break;
      }
    }
    if (at + len > b.length) throw new RangeError("short");
    const s = decoder.decode(b.subarray(at, at + len));
    at += len;
    if (s !== s.normalize("NFC")) throw new RangeError("not NFC");
    return s;
  };
  try {
    if (byte() !== CLAIM_VERSION) return undefined;
    const k = byte();
    if (k > 1) return undefined;
    const days = [0, 0, 0].map(() => (byte() << 8) | byte());
    const keyLen = byte();
    if (keyLen < 4 || keyLen > 32) return undefined;
    let keyId = "";
    for (let i = 0; i < keyLen; i++) keyId += byte().toString(16).padStart(2, "0");
    const [number, name, program, title, issuer] = [str(), str(), str(), str(), str()];
    if (at !== b.length) return undefined;
    const [start, end, issued] = days.map(isoOfDay) as [string, string, string];
    const claim: CertificateClaim = { number, name, program, title, start, end, issuer, issued, kind: k === 1 ? "keterangan" : "sertifikat", keyId };
    if (claimTitle(title) !== title) return undefined;
    return claim;
  } catch {
    return undefined;
  }
}

export function toBase64Url(b: Uint8Array): string {
  return Buffer.from(b).toString("base64url");
}

function fromBase64Url(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return undefined;
  const b = Buffer.from(s, "base64url");
  // canonical only: one token text per claim and signature
  return b.toString("base64url") === s ? new Uint8Array(b) : undefined;
}

export function makeToken(claimBytes: Uint8Array, signature: Uint8Array): string {
  return `${TOKEN_PREFIX}${toBase64Url(claimBytes)}.${toBase64Url(signature)}`;
}

export function parseToken(token: string): { claimBytes: Uint8Array; claim: CertificateClaim; signature: Uint8Array } | undefined {
  const t = token.trim();
  if (!t.startsWith(TOKEN_PREFIX)) return undefined;
  const parts = t.slice(TOKEN_PREFIX.length).split(".");
  if (parts.length !== 2) return undefined;
  const claimBytes = fromBase64Url(parts[0] as string);
  const signature = fromBase64Url(parts[1] as string);
  if (!claimBytes || !signature || signature.length !== SIGNATURE_BYTES) return undefined;
  const claim = decodeClaim(claimBytes);
  return claim ? { claimBytes, claim, signature } : undefined;
}

/** Crockford base32: no I, L, O, U, so what is read aloud or typed is hard to get wrong. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_CHARS = 16;

/**
 * The short code: the first 80 bits of the Ed25519 signature (which are as unpredictable
 * as the signature itself) in Crockford base32, grouped by 4: "7KQM-2XHD-9PRA-4WFE".
 * It proves nothing alone; it finds the certificate in the office's register.
 */
export function shortCode(signature: Uint8Array): string {
  if (signature.length < 10) throw new RangeError("signature too short for a code");
  let out = "";
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 10; i++) {
    acc = (acc << 8) | (signature[i] as number);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return (out.match(/.{4}/g) as string[]).join("-");
}

/** A typed code in canonical form ("7kqm 2xhd-9pra-4wfe", O for 0, I/L for 1 accepted), or undefined. */
export function normaliseCode(input: string): string | undefined {
  const s = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (s.length !== CODE_CHARS) return undefined;
  for (const ch of s) if (!CROCKFORD.includes(ch)) return undefined;
  return (s.match(/.{4}/g) as string[]).join("-");
}
