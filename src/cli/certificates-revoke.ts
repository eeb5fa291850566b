/**
 * `pelatihan certificates revoke NUMBER --reason TEXT [DIR]`: marks an issued certificate
 * revoked in the register. The number stays taken; `verify` then says "revoked".
 */
import { stat } from "node:fs/promises";
import { didYouMean } from "../domain/did-you-mean.js";
import { UserError } from "../errors.js";
import { Ledger } from "../io/ledger.js";
import { displayPath } from "../pipeline/workspace.js";
import { asLang } from "./options.js";
import { workspaceRoot } from "./workspace-root.js";

export async function runRevoke(number: string, opts: { reason?: string; root?: string; lang?: string }): Promise<number> {
  const en = asLang(opts.lang) === "en";
  const reason = (opts.reason ?? "").trim();
  if (reason === "") {
    throw new UserError("REVOKE_REASON", "alasan pencabutan wajib diisi / a reason for revoking is required", {
      hint: 'Contoh / example: pelatihan certificates revoke 500.8.1/015/424.083/2022 --reason "nama salah ketik"',
    });
  }
  const root = workspaceRoot(opts.root);
  const path = Ledger.path(root);
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    throw new UserError("LEDGER_MISSING", `register sertifikat tidak ditemukan / certificate register not found: ${displayPath(process.cwd(), path)}`, {
      hint: "Jalankan di folder ruang kerja, atau sebutkan foldernya (DIR). / Run in the workspace folder, or name it (DIR).",
    });
  }
  const ledger = await Ledger.open(root);
  try {
    const e = ledger.byNumber(number.trim());
    if (!e) {
      const near = didYouMean(number.trim(), ledger.entries().map((x) => x.number));
      throw new UserError("REVOKE_UNKNOWN_NUMBER", `nomor tidak ada di register / number not in the register: ${number}`, {
        ...(near ? { hint: `Maksud Anda / did you mean: ${near}?` } : {}),
      });
    }
    if (e.revoked) {
      throw new UserError("REVOKE_ALREADY", `nomor ${e.number} sudah dicabut ${e.revoked.at.slice(0, 10)} (${e.revoked.reason}) / already revoked`);
    }
    ledger.revoke(e.number, reason);
    await ledger.close();
    process.stdout.write(
      en
        ? `revoked: ${e.number}\n  name: ${e.name}\n  program: ${e.program}\n  reason: ${reason}\nThe number stays used and is never issued again; to give this person a new certificate, run pelatihan certificates again.\n`
        : `dicabut: ${e.number}\n  nama: ${e.name}\n  program: ${e.program}\n  alasan: ${reason}\nNomor ini tetap terpakai dan tidak diterbitkan lagi; untuk sertifikat pengganti, jalankan pelatihan certificates lagi.\n`,
    );
    return 0;
  } finally {
    await ledger.close();
  }
}
