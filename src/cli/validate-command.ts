import type { Command } from "commander";
import { langOption } from "./options.js";

export function declareValidate(program: Command, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("periksa program dan daftar peserta / check programs and participant lists")
    .argument("[program...]", "berkas program YAML (bawaan: semua di ./data/programs) / program files (default: all in ./data/programs)")
    .option("--json", "hanya JSON di stdout / print JSON only")
    .option("--strict", "peringatan juga dianggap gagal / warnings fail too")
    .addOption(langOption())
    .option("--no-color", "tanpa warna / no colours")
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runValidate } = await import("./validate.js");
      setExit(await runValidate(files, opts));
    });
}
