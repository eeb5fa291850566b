import type { Command } from "commander";
import { langOption } from "./options.js";

export function declareVerify(program: Command, setExit: (code: number) => void): void {
  program
    .command("verify")
    .description("periksa sertifikat: sah, dicabut, tidak dikenal atau palsu / check a certificate: valid, revoked, unknown or forged")
    .argument("<certificate>", "berkas PDF, kode verifikasi (XXXX-XXXX-XXXX-XXXX) atau token dari kode QR / PDF file, verification code or token from the QR code")
    .option("--key <file>", "kunci publik kantor penerbit (bawaan: data/kunci/kunci-publik.pem) / the issuing office's public key")
    .option("--ledger <file>", "register sertifikat (bawaan: data/register-sertifikat.csv bila ada) / certificate register (default: data/register-sertifikat.csv if present)")
    .option("--json", "keluaran JSON / JSON output")
    .addOption(langOption())
    .option("--no-color", "tanpa warna / no colours")
    .action(async (input: string, opts: Record<string, unknown>) => {
      const { runVerify } = await import("./verify.js");
      setExit(await runVerify(input, opts));
    });
}
