import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  claimTitle,
  CLAIM_TITLE_MAX,
  decodeClaim,
  encodeClaim,
  makeToken,
  normaliseCode,
  parseToken,
  shortCode,
  type CertificateClaim,
} from "../../src/domain/certificate-claim.js";
import { sampleClaim } from "../helpers/claims.js";

const claim: CertificateClaim = sampleClaim({ number: "500.8.1/015/424.083/2022", keyId: "0123456789abcdef" });
const sig = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);

const isoDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2170-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const text = fc.string({ unit: "grapheme", maxLength: 60 }).map((s) => s.normalize("NFC"));
const arbClaim: fc.Arbitrary<CertificateClaim> = fc.record({
  number: text,
  name: text,
  program: text,
  title: text.map(claimTitle),
  start: isoDate,
  end: isoDate,
  issuer: text,
  issued: isoDate,
  kind: fc.constantFrom("sertifikat" as const, "keterangan" as const),
  keyId: fc.uint8Array({ minLength: 4, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex")),
});

describe("claim encoding", () => {
  it("round-trips any claim", () => {
    fc.assert(
      fc.property(arbClaim, (c) => {
        expect(decodeClaim(encodeClaim(c))).toEqual(c);
      }),
    );
  });

  it("is canonical: a decoded claim encodes to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const c = decodeClaim(b);
        if (c) expect(Buffer.from(encodeClaim(c)).equals(Buffer.from(b))).toBe(true);
      }),
    );
  });

  it("rejects trailing bytes, a wrong version and truncation", () => {
    const b = encodeClaim(claim);
    expect(decodeClaim(Uint8Array.from([...b, 0]))).toBeUndefined();
    expect(decodeClaim(Uint8Array.from([2, ...b.subarray(1)]))).toBeUndefined();
    for (let n = 0; n < b.length; n++) expect(decodeClaim(b.subarray(0, n))).toBeUndefined();
  });

  it("keeps names as written (NFC), apostrophes and diacritics included", () => {
    for (const name of ["Ma'ruf", "Dédé Šťastný", "Nguyễn", "De\u0301de\u0301"]) {
      expect(decodeClaim(encodeClaim({ ...claim, name }))?.name).toBe(name.normalize("NFC"));
    }
  });

  it("cuts a long title at a word and keeps the token small", () => {
    const long = "Pelatihan Berbasis Kompetensi Menjahit Pakaian Wanita dan Anak Tingkat Lanjut";
    const t = claimTitle(long);
    expect(Array.from(t).length).toBeLessThanOrEqual(CLAIM_TITLE_MAX);
    expect(t).toBe("Pelatihan Berbasis Kompetensi Menjahit…");
    expect(decodeClaim(encodeClaim({ ...claim, title: long }))?.title).toBe(t);
    expect(makeToken(encodeClaim(claim), sig).length).toBeLessThan(400);
  });

  it("refuses impossible dates and bad key ids (caller bugs)", () => {
    expect(() => encodeClaim({ ...claim, start: "2022-02-30" })).toThrow(RangeError);
    expect(() => encodeClaim({ ...claim, issued: "1999-12-31" })).toThrow(RangeError);
    expect(() => encodeClaim({ ...claim, keyId: "XYZ" })).toThrow(RangeError);
  });
});

describe("token", () => {
  it("round-trips", () => {
    const t = makeToken(encodeClaim(claim), sig);
    expect(t.startsWith("PLT1.")).toBe(true);
    const p = parseToken(t);
    expect(p?.claim).toEqual({ ...claim, title: claimTitle(claim.title) });
    expect(Buffer.from(p?.signature ?? []).equals(Buffer.from(sig))).toBe(true);
    expect(parseToken(`  ${t}\n`)?.claim.number).toBe(claim.number);
  });

  it.each([
    ["", "empty"],
    ["PLT2.AAAA.BBBB", "other version"],
    ["PLT1.AAAA", "no signature"],
    ["PLT1.!!!!.BBBB", "not base64url"],
  ])("%j is malformed (%s)", (t) => {
    expect(parseToken(t)).toBeUndefined();
  });

  it("refuses a short signature, extra parts and non-canonical base64", () => {
    const c = Buffer.from(encodeClaim(claim)).toString("base64url");
    const s = Buffer.from(sig).toString("base64url");
    expect(parseToken(`PLT1.${c}.${s.slice(0, 40)}`)).toBeUndefined();
    expect(parseToken(`PLT1.${c}.${s}.x`)).toBeUndefined();
    // the last base64 character carries spare bits; changing them must not give the same claim
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const other = alphabet[alphabet.indexOf(s.at(-1) as string) ^ 1] as string;
    expect(parseToken(`PLT1.${c}.${s}`)).toBeDefined();
    expect(parseToken(`PLT1.${c}.${s.slice(0, -1)}${other}`)).toBeUndefined();
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string(), (s) => void parseToken(`PLT1.${s}`)));
  });
});

describe("short code", () => {
  it("is 16 Crockford characters in groups of 4, from the signature", () => {
    const code = shortCode(sig);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(shortCode(Uint8Array.from(sig, (b, i) => (i === 0 ? b ^ 0x80 : b)))).not.toBe(code);
    expect(shortCode(new Uint8Array(64))).toBe("0000-0000-0000-0000");
  });

  it("normalises what people type", () => {
    const code = shortCode(sig);
    expect(normaliseCode(code)).toBe(code);
    expect(normaliseCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normaliseCode("oooo-iiii-llll-1111")).toBe("0000-1111-1111-1111");
    expect(normaliseCode("0000-1111-1111-111")).toBeUndefined();
    expect(normaliseCode("UUUU-1111-1111-1111")).toBeUndefined();
    expect(normaliseCode("")).toBeUndefined();
  });

  it("any signature's code normalises to itself", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (s) => {
        expect(normaliseCode(shortCode(s))).toBe(shortCode(s));
      }),
    );
  });
});
