import { Option, type Command } from "commander";
import { langOption } from "./options.js";

export function declareRoster(program: Command, setExit: (code: number) => void): void {
  program
    .command("roster")
    .description("pilih peserta dan tulis daftar peserta, daftar hadir dan ringkasan / select participants and write the roster documents")
    .argument("[program...]", "berkas program YAML (bawaan: semua di ./data/programs) / program files (default: all in ./data/programs)")
    .option("--out <dir>", "folder keluaran / output folder", "out")
    .option("--skip-invalid", "baris dengan data salah ditandai tidak terpilih, bukan menghentikan / mark rows with data errors as not selected instead of stopping")
    .addOption(new Option("--profile <profile>", "public: NIK disamarkan; internal: data lengkap, bertanda RAHASIA / public: NIK masked; internal: full data, marked RAHASIA").choices(["public", "internal"]).default("public"))
    .addOption(new Option("--delimiter <char>", "pemisah CSV / CSV delimiter").choices([",", ";"]).default(","))
    .option("--dry-run", "hanya tampilkan yang akan ditulis / only print what would be written")
    .option("--force", "timpa daftar CSV/XLSX yang isinya berbeda / replace CSV/XLSX rosters whose content differs")
    .addOption(langOption())
    .option("--no-color", "tanpa warna / no colours")
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runRoster } = await import("./roster.js");
      setExit(await runRoster(files, opts));
    });
}
