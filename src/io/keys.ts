/**
 * The office's Ed25519 key pair (node:crypto), kept in the workspace under kunci/. The
 * public key is what the office publishes; the private key never leaves the office: it is
 * written readable by its owner only and a .gitignore keeps it out of git.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { chmod, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { encodeClaim, makeToken, parseToken, shortCode, type CertificateClaim } from "../domain/certificate-claim.js";
import { OutputError, UserError } from "../errors.js";
import { ensureDir, exists, writeFileAtomic } from "./atomic-write.js";

export interface PublicKeyInfo {
  key: KeyObject;
  /** First 16 hex digits of the SHA-256 of the public key's SPKI DER bytes. */
  keyId: string;
  path: string;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: KeyObject;
}

export const KEYS_DIR = "kunci";
const PRIVATE_FILE = "kunci-privat.pem";
const PUBLIC_FILE = "kunci-publik.pem";

export function keyPaths(root: string): { dir: string; privateKey: string; publicKey: string } {
  const dir = join(root, KEYS_DIR);
  return { dir, privateKey: join(dir, PRIVATE_FILE), publicKey: join(dir, PUBLIC_FILE) };
}

export function keyIdOf(key: KeyObject): string {
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

const GITIGNORE = `# Kunci privat kantor: jangan pernah masuk git atau dibagikan.\n# The office's private key: never in git, never shared.\n${PRIVATE_FILE}\n`;

/** Writes `data` readable by the owner only, atomically (temp created 0600, fsync, rename). */
async function writePrivate(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, "w", 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await chmod(tmp, 0o600); // the umask may have widened nothing, but an existing temp file could
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new OutputError("OUTPUT_WRITE", `gagal menulis kunci privat / cannot write the private key (${(e as NodeJS.ErrnoException).code ?? "EIO"})`, { file });
  }
}

/**
 * Creates the key pair. With `force`, an existing public key is kept beside the new one as
 * kunci-publik-<keyId>.pem, so certificates signed before still verify.
 */
export async function createKeys(root: string, opts: { force?: boolean } = {}): Promise<PublicKeyInfo> {
  const p = keyPaths(root);
  const old = (await exists(p.publicKey)) ? await loadPublicKey(p.publicKey).catch(() => undefined) : undefined;
  if (!opts.force && ((await exists(p.privateKey)) || (await exists(p.publicKey)))) {
    throw new UserError("KEYS_EXIST", `kunci kantor sudah ada / the office keys already exist: ${p.dir}`, {
      hint: "Sertifikat yang sudah terbit ditandatangani dengan kunci ini; kunci baru (--force) hanya bila kunci privat bocor atau hilang. / Issued certificates are signed with this key; make a new one (--force) only if the private key leaked or was lost.",
    });
  }
  await ensureDir(p.dir);
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  if (old) await rename(p.publicKey, join(p.dir, `kunci-publik-${old.keyId}.pem`));
  await writePrivate(p.privateKey, privateKey.export({ type: "pkcs8", format: "pem" }) as string);
  await writeFileAtomic(p.publicKey, publicKey.export({ type: "spki", format: "pem" }) as string);
  await writeFileAtomic(join(p.dir, ".gitignore"), GITIGNORE);
  return { key: publicKey, keyId: keyIdOf(publicKey), path: p.publicKey };
}

/** A path as messages show it: relative to the working folder when inside it. */
function shown(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
}

/** The PEM's key when it is an Ed25519 key, else undefined. */
function ed25519Key(pem: Buffer, read: (pem: Buffer) => KeyObject): KeyObject | undefined {
  try {
    const key = read(pem);
    return key.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}

export async function loadSigningKey(root: string): Promise<SigningKey> {
  const p = keyPaths(root);
  let pem: Buffer;
  try {
    pem = await readFile(p.privateKey);
  } catch {
    const cmd = resolve(root) === resolve("data") ? "pelatihan keys init" : `pelatihan keys init ${shown(root)}`;
    throw new UserError("KEYS_MISSING", `kunci privat kantor tidak ditemukan / the office's private key is missing: ${shown(p.privateKey)}`, {
      hint: `Buat sekali dengan \`${cmd}\` / create it once with \`${cmd}\`.`,
    });
  }
  const privateKey = ed25519Key(pem, createPrivateKey);
  if (!privateKey) {
    throw new UserError("KEY_INVALID", "kunci privat bukan kunci Ed25519 yang sah / the private key is not a valid Ed25519 key", { file: p.privateKey });
  }
  const key = createPublicKey(privateKey);
  return { key, privateKey, keyId: keyIdOf(key), path: p.publicKey };
}

export async function loadPublicKey(path: string): Promise<PublicKeyInfo> {
  let pem: Buffer;
  try {
    pem = await readFile(path);
  } catch {
    throw new UserError("KEYS_MISSING", `kunci publik tidak ditemukan / public key not found: ${shown(path)}`, {
      hint: "Sebutkan kunci publik kantor penerbit dengan --key, atau buat kunci dengan `pelatihan keys init`. / Name the issuing office's public key with --key, or create keys with `pelatihan keys init`.",
    });
  }
  const key = ed25519Key(pem, createPublicKey);
  if (!key) {
    throw new UserError("KEY_INVALID", "bukan kunci publik Ed25519 (PEM) / not an Ed25519 public key (PEM)", { file: path });
  }
  return { key, keyId: keyIdOf(key), path };
}

/** Earlier public keys kept by `keys init --force` (kunci-publik-<id>.pem) in the folder of `publicKey`. */
export async function archivedPublicKeys(dir: string): Promise<PublicKeyInfo[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: PublicKeyInfo[] = [];
  for (const n of names.sort()) {
    if (!/^kunci-publik-[0-9a-f]{16}\.pem$/.test(n)) continue;
    const k = await loadPublicKey(join(dir, n)).catch(() => undefined);
    if (k) out.push(k);
  }
  return out;
}

/** Signs the claim (its keyId set to this key's) and returns the token, the short code and the signature. */
export function signClaim(key: SigningKey, claim: CertificateClaim): { token: string; code: string; signature: Uint8Array } {
  const bytes = encodeClaim({ ...claim, keyId: key.keyId });
  const signature = new Uint8Array(sign(null, bytes, key.privateKey));
  return { token: makeToken(bytes, signature), code: shortCode(signature), signature };
}

export function verifyToken(
  pub: PublicKeyInfo,
  token: string,
): { ok: true; claim: CertificateClaim; code: string } | { ok: false; reason: "format" | "key" | "signature" } {
  const t = parseToken(token);
  if (!t) return { ok: false, reason: "format" };
  if (t.claim.keyId !== pub.keyId) return { ok: false, reason: "key" };
  if (!verify(null, t.claimBytes, pub.key, t.signature)) return { ok: false, reason: "signature" };
  return { ok: true, claim: t.claim, code: shortCode(t.signature) };
}
