import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runRevoke } from "../../src/cli/certificates-revoke.js";
import { Ledger } from "../../src/io/ledger.js";

let root: string;
let out: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "pelatihan-revoke-"));
  const l = await Ledger.open(root);
  for (const seq of [1, 2]) {
    l.issue({
      number: `500.8.1/00${seq}/424.083/2022`, series: "500.8.1/{seq}/424.083/2022", seq, program: "handicraft", nik: `351401010190000${seq}`,
      name: seq === 1 ? "Ma'ruf" : "Dédé", kind: "sertifikat", issued: "2022-11-11", file: `${seq}.pdf`, sha256: "a".repeat(64), code: `0000-0000-0000-000${seq}`, token: "PLT1.x.y",
    });
  }
  await l.close();
  out = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe("runRevoke", () => {
  it("marks the certificate revoked, prints number, name and program, and never the NIK", async () => {
    expect(await runRevoke("500.8.1/001/424.083/2022", { reason: "nama salah ketik", root })).toBe(0);
    expect(out).toContain("dicabut: 500.8.1/001/424.083/2022");
    expect(out).toContain("Ma'ruf");
    expect(out).toContain("handicraft");
    expect(out).not.toContain("3514010101900001");
    const l = await Ledger.open(root, { readOnly: true });
    expect(l.byNumber("500.8.1/001/424.083/2022")?.revoked?.reason).toBe("nama salah ketik");
    expect(l.byNumber("500.8.1/002/424.083/2022")?.revoked).toBeUndefined();
    expect(readFileSync(Ledger.path(root), "utf8").split("\n").at(-2)).toMatch(/^cabut,500\.8\.1\/001\/424\.083\/2022,/);
  });

  it.each([
    ["500.8.1/001/424.083/2022", { reason: " " }, "REVOKE_REASON", undefined],
    ["500.8.1/003/424.083/2022", { reason: "x" }, "REVOKE_UNKNOWN_NUMBER", /500\.8\.1\/00[12]\/424\.083\/2022/],
  ])("%s %j -> %s", async (number, o, code, hint) => {
    const err = await runRevoke(number, { ...o, root }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    if (hint) expect((err as { hint: string }).hint).toMatch(hint);
  });

  it("refuses to revoke twice and releases the register's lock", async () => {
    await runRevoke("500.8.1/002/424.083/2022", { reason: "a", root });
    await expect(runRevoke("500.8.1/002/424.083/2022", { reason: "b", root })).rejects.toMatchObject({ code: "REVOKE_ALREADY" });
    await (await Ledger.open(root)).close(); // not left locked
  });

  it("a folder without a register is an error", async () => {
    await expect(runRevoke("1", { reason: "x", root: mkdtempSync(join(tmpdir(), "pelatihan-revoke-")) })).rejects.toMatchObject({ code: "LEDGER_MISSING" });
  });
});
