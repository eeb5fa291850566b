import { type Command } from "commander";
import { langOption } from "./options.js";

export function declareCertificates(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command("certificates")
    .description("terbitkan sertifikat bernomor dan dapat diverifikasi bagi peserta yang lulus / issue numbered, verifiable certificates to those who completed")
    .argument("[program...]", "berkas program YAML (bawaan: semua di ./data/programs) / program files (default: all in ./data/programs)")
    .option("--out <dir>", "folder keluaran / output folder", "out")
    .option("--template <name|file>", "desain bawaan (formal, potret) atau templat SVG / shipped design (formal, potret) or an SVG template")
    .option("--dry-run", "hanya tampilkan yang akan diterbitkan / only print what would be issued")
    .addOption(langOption())
    .option("--no-color", "tanpa warna / no colours")
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runCertificates } = await import("./certificates.js");
      setExit(await runCertificates(files, opts));
    });
  cmd
    .command("revoke")
    .description("cabut sertifikat; nomornya tidak pernah dipakai lagi / revoke a certificate; its number is never reused")
    .argument("<number>", "nomor sertifikat / certificate number")
    .argument("[workspace]", "folder ruang kerja (bawaan: data) / workspace folder (default: data)")
    .option("--reason <text>", "alasan pencabutan (wajib) / reason (required)")
    .addOption(langOption())
    .action(async (number: string, root: string | undefined, opts: Record<string, unknown>) => {
      const { runRevoke } = await import("./certificates-revoke.js");
      const o: { reason?: string; root?: string; lang?: string } = {};
      if (typeof opts.reason === "string") o.reason = opts.reason;
      if (root !== undefined) o.root = root;
      if (typeof opts.lang === "string") o.lang = opts.lang;
      setExit(await runRevoke(number, o));
    });
}
