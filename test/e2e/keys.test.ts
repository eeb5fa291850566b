import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeToken, parseToken, type CertificateClaim } from "../../src/domain/certificate-claim.js";
import { createKeys, loadPublicKey, loadSigningKey, signClaim, verifyToken } from "../../src/io/keys.js";
import { runCli } from "../helpers/cli.js";
import { sampleClaim } from "../helpers/claims.js";

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "pelatihan-keys-"));
  mkdirSync(join(dir, "data", "programs"), { recursive: true });
  return dir;
}

const claim: CertificateClaim = sampleClaim({ name: "Ma'ruf", title: "Pelatihan Handicraft", keyId: "00000000" });

describe("pelatihan keys", () => {
  it("init writes a private key readable by its owner only, a public key and a .gitignore; show prints the public key", () => {
    const ws = workspace();
    const r = runCli(["keys", "init"], { cwd: ws });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kunci publik: data\/kunci\/kunci-publik\.pem/);
    expect(r.stdout).toMatch(/jangan masuk git/);
    expect(r.stdout).toMatch(/bukan tanda tangan elektronik \(TTE\)/);
    const dir = join(ws, "data", "kunci");
    expect(statSync(join(dir, "kunci-privat.pem")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toMatch(/^kunci-privat\.pem$/m);
    const id = /id kunci ([0-9a-f]{16})/.exec(r.stdout)?.[1];
    expect(id).toBeDefined();

    const show = runCli(["keys", "show", "--lang", "en"], { cwd: ws });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`key id: ${id}`);
    expect(show.stdout).toContain(readFileSync(join(dir, "kunci-publik.pem"), "utf8"));
    expect(show.stdout).not.toContain("PRIVATE KEY");
  });

  it("refuses to replace keys without --force, and keeps the old public key with --force", () => {
    const ws = workspace();
    expect(runCli(["keys", "init", "data"], { cwd: ws }).code).toBe(0);
    const before = readFileSync(join(ws, "data", "kunci", "kunci-privat.pem"));
    const again = runCli(["keys", "init"], { cwd: ws });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/KEYS_EXIST/);
    expect(readFileSync(join(ws, "data", "kunci", "kunci-privat.pem")).equals(before)).toBe(true);
    const forced = runCli(["keys", "init", "--force"], { cwd: ws });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(ws, "data", "kunci", "kunci-privat.pem")).equals(before)).toBe(false);
    expect(readdirSync(join(ws, "data", "kunci")).filter((n) => /^kunci-publik-[0-9a-f]{16}\.pem$/.test(n))).toHaveLength(1);
  });

  it("a folder named DIR that holds data/programs means its data/ folder", () => {
    const ws = workspace();
    expect(runCli(["keys", "init", ws]).code).toBe(0);
    expect(statSync(join(ws, "data", "kunci", "kunci-publik.pem")).isFile()).toBe(true);
  });

  it("stops with a hint outside a workspace and when keys are missing", () => {
    const empty = mkdtempSync(join(tmpdir(), "pelatihan-keys-"));
    const init = runCli(["keys", "init"], { cwd: empty });
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/WORKSPACE_MISSING/);
    const show = runCli(["keys", "show"], { cwd: workspace() });
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/KEYS_MISSING/);
    expect(show.stderr).toMatch(/pelatihan keys init/);
  });
});

describe("signing and verifying", () => {
  it("a signed claim verifies with its public key and carries the key's id", async () => {
    const ws = workspace();
    const root = join(ws, "data");
    const pub = await createKeys(root);
    const key = await loadSigningKey(root);
    expect(key.keyId).toBe(pub.keyId);
    const s = signClaim(key, claim);
    expect(s.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const v = verifyToken(await loadPublicKey(pub.path), s.token);
    expect(v).toEqual({ ok: true, claim: { ...claim, keyId: pub.keyId }, code: s.code });
    // deterministic: same claim, same token
    expect(signClaim(key, claim).token).toBe(s.token);
  });

  it("an edited claim, another key or a broken token do not verify", async () => {
    const root = join(workspace(), "data");
    const pub = await createKeys(root);
    const key = await loadSigningKey(root);
    const s = signClaim(key, claim);
    const p = parseToken(s.token);
    if (!p) throw new Error("token did not parse");
    const edited = Buffer.from(p.claimBytes);
    const at = edited.indexOf("Ma'ruf");
    expect(at).toBeGreaterThan(0);
    edited.write("Ma'rup", at);
    expect(verifyToken(pub, makeToken(edited, p.signature))).toEqual({ ok: false, reason: "signature" });
    const other = await createKeys(join(workspace(), "data"));
    expect(verifyToken(other, s.token)).toEqual({ ok: false, reason: "key" });
    expect(verifyToken(pub, s.token.slice(0, -3))).toEqual({ ok: false, reason: "format" });
  });

  it("refuses a file that is not an Ed25519 key", async () => {
    const f = join(workspace(), "k.pem");
    writeFileSync(f, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    await expect(loadPublicKey(f)).rejects.toMatchObject({ code: "KEY_INVALID" });
  });
});
