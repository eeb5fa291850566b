import { describe, expect, it } from "vitest";
import type { CertificateClaim } from "../../src/domain/certificate-claim.js";
import { decideVerdict, printedAsWords, type VerifyInput } from "../../src/domain/certificate-verdict.js";

const claim: CertificateClaim = {
  number: "500.8.1/001/424.083/2022", name: "Ma'ruf", program: "p", title: "T", start: "2022-11-07", end: "2022-11-10",
  issuer: "Dinas", issued: "2022-11-11", kind: "sertifikat", keyId: "0123456789abcdef",
};
const code = "7KQM-2XHD-9PRA-4WFE";
const ok = { ok: true as const, claim, code };
const text = `SERTIFIKAT Nomor: ${claim.number} Ma'ruf Kode: ${code}`;
const sha = "a".repeat(64);
const entry = { code, sha256: sha };

describe("decideVerdict", () => {
  it.each<[string, VerifyInput, string, string[]]>([
    ["token, no register", { source: "token", keyId: "k", token: ok }, "valid", ["NO_LEDGER"]],
    ["token in register", { source: "token", keyId: "k", token: ok, ledger: { entry } }, "valid", []],
    ["revoked", { source: "token", keyId: "k", token: ok, ledger: { entry: { ...entry, revoked: { reason: "r", at: "2023-01-01T00:00:00Z" } } } }, "revoked", ["REVOKED"]],
    ["number not in register", { source: "token", keyId: "k", token: ok, ledger: {} }, "unknown", ["NUMBER_NOT_IN_LEDGER"]],
    ["other certificate under the number", { source: "token", keyId: "k", token: ok, ledger: { entry: { ...entry, code: "0000-0000-0000-0000" } } }, "unknown", ["LEDGER_OTHER_CERTIFICATE"]],
    ["bad signature", { source: "token", keyId: "k", token: { ok: false, reason: "signature" } }, "forged", ["SIGNATURE_BAD"]],
    ["other key", { source: "token", keyId: "k", token: { ok: false, reason: "key", keyId: "x" } }, "forged", ["OTHER_KEY"]],
    ["code, no register", { source: "code", keyId: "k" }, "unknown", ["NO_LEDGER_FOR_CODE"]],
    ["code not found", { source: "code", keyId: "k", ledger: {} }, "unknown", ["CODE_NOT_IN_LEDGER"]],
    ["pdf as issued", { source: "pdf", keyId: "k", token: ok, pdf: { hasToken: true, text, sha256: sha }, ledger: { entry } }, "valid", []],
    ["pdf without token", { source: "pdf", keyId: "k", pdf: { hasToken: false, text, sha256: sha } }, "unknown", ["PDF_NO_TOKEN"]],
    ["pdf with other code", { source: "pdf", keyId: "k", token: ok, pdf: { hasToken: true, text: text.replace(code, "0000-0000-0000-0000"), sha256: sha } }, "forged", ["CODE_MISMATCH", "NO_LEDGER"]],
    ["pdf as first issued, re-created since with another template", { source: "pdf", keyId: "k", token: ok, pdf: { hasToken: true, text, sha256: "c".repeat(64) }, ledger: { entry: { ...entry, earlierSha256: ["c".repeat(64)] } } }, "valid", []],
    ["pdf matching no file ever issued", { source: "pdf", keyId: "k", token: ok, pdf: { hasToken: true, text, sha256: "d".repeat(64) }, ledger: { entry: { ...entry, earlierSha256: ["c".repeat(64)] } } }, "forged", ["FILE_HASH_DIFFERS"]],
    ["pdf revoked and changed", { source: "pdf", keyId: "k", token: ok, pdf: { hasToken: true, text, sha256: "b".repeat(64) }, ledger: { entry: { ...entry, revoked: { reason: "r", at: "2023-01-01T00:00:00Z" } } } }, "forged", ["REVOKED", "FILE_HASH_DIFFERS"]],
  ])("%s -> %s", (_, input, status, notPassed) => {
    const v = decideVerdict(input);
    expect(v.status).toBe(status);
    expect(v.checks.filter((c) => c.ok !== true).map((c) => c.code)).toEqual(notPassed);
  });
});

describe("printedAsWords", () => {
  it.each([
    ["Nama: Ma'ruf.", "Ma'ruf", true],
    ["Ma'rufah", "Ma'ruf", false],
    ["Ni Luh Putu Ayu Sri\nWahyuningsih Pratiwi", "Ni Luh Putu Ayu Sri Wahyuningsih Pratiwi", true],
    ["Nomor: 500.8.1/001/424.083/2022", "500.8.1/001/424.083/2022", true],
    ["Nomor: 500.8.1/0011/424.083/2022", "500.8.1/001/424.083/2022", false],
    ["De\u0301de\u0301", "Dédé", true],
  ])("%j holds %j: %s", (page, wanted, want) => {
    expect(printedAsWords(page, wanted)).toBe(want);
  });
});
