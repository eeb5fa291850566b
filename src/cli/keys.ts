/** `pelatihan keys init|show [DIR]`: create and show the office's signing keys. */
import { stat } from "node:fs/promises";
import { UserError } from "../errors.js";
import { exists } from "../io/atomic-write.js";
import { createKeys, keyPaths, loadPublicKey } from "../io/keys.js";
import { displayPath } from "../pipeline/workspace.js";
import { asLang } from "./options.js";
import { workspaceRoot } from "./workspace-root.js";

const NOT_TTE = {
  id: "Kode verifikasi dan kode QR pada sertifikat membuktikan bahwa sertifikat diterbitkan kantor ini dan tidak diubah; itu bukan tanda tangan elektronik (TTE) yang sah secara hukum: pejabat tetap menandatangani sertifikat.",
  en: "The verification code and QR code on a certificate prove that this office issued it and that it was not changed; they are not a legal electronic signature (TTE): the signatory still signs the certificate.",
};

async function requireWorkspace(dir: string | undefined, root: string): Promise<void> {
  const st = await stat(root).catch(() => undefined);
  if (dir === undefined && !st?.isDirectory()) {
    throw new UserError("WORKSPACE_MISSING", `folder ruang kerja tidak ditemukan / workspace folder not found: ${displayPath(process.cwd(), root)}`, {
      hint: "Jalankan di folder yang berisi data/, atau sebutkan foldernya: `pelatihan keys init DIR` / run in the folder holding data/, or name the folder.",
    });
  }
  if (st && !st.isDirectory()) throw new UserError("WORKSPACE_NOT_DIR", `bukan folder / not a folder: ${root}`);
}

export async function runKeysInit(dir: string | undefined, opts: Record<string, unknown>): Promise<number> {
  const en = asLang(opts.lang) === "en";
  const root = workspaceRoot(dir);
  await requireWorkspace(dir, root);
  const info = await createKeys(root, { force: opts.force === true });
  const p = keyPaths(root);
  const cwd = process.cwd();
  const lines = en
    ? [
        `keys created (key id ${info.keyId}):`,
        `  public key:  ${displayPath(cwd, p.publicKey)}  <- publish this one (website, letters to partners); anyone can check certificates with it`,
        `  private key: ${displayPath(cwd, p.privateKey)}  <- keep it in the office: never in git, never shared, back it up offline`,
        NOT_TTE.en,
      ]
    : [
        `kunci dibuat (id kunci ${info.keyId}):`,
        `  kunci publik: ${displayPath(cwd, p.publicKey)}  <- umumkan (situs web, surat ke mitra); siapa pun dapat memeriksa sertifikat dengannya`,
        `  kunci privat: ${displayPath(cwd, p.privateKey)}  <- simpan di kantor: jangan masuk git, jangan dibagikan, cadangkan secara luring`,
        NOT_TTE.id,
      ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

export async function runKeysShow(dir: string | undefined, opts: Record<string, unknown>): Promise<number> {
  const en = asLang(opts.lang) === "en";
  const root = workspaceRoot(dir);
  const p = keyPaths(root);
  if (!(await exists(p.publicKey))) {
    throw new UserError("KEYS_MISSING", `kunci publik tidak ditemukan / public key not found: ${displayPath(process.cwd(), p.publicKey)}`, {
      hint: "Buat sekali dengan `pelatihan keys init` / create it once with `pelatihan keys init`.",
    });
  }
  const info = await loadPublicKey(p.publicKey);
  const text = info.key.export({ type: "spki", format: "pem" }) as string;
  const where = displayPath(process.cwd(), p.publicKey);
  process.stdout.write(
    (en
      ? `public key: ${where}\nkey id: ${info.keyId}\nThis is what the office publishes; the private key stays in the office.\n\n`
      : `kunci publik: ${where}\nid kunci: ${info.keyId}\nInilah yang diumumkan kantor; kunci privat tetap di kantor.\n\n`) + text,
  );
  return 0;
}
