import { Option, type Command } from "commander";
import { langOption } from "./options.js";

export function declareReport(program: Command, setExit: (code: number) => void): void {
  program
    .command("report")
    .description("laporan evaluasi Renja per triwulan (XLSX, CSV, Markdown, HTML) / quarterly Renja report")
    .argument("[program...]", "berkas program YAML (bawaan: semua di ./data/programs) / program files")
    .requiredOption("--year <year>", "tahun anggaran / fiscal year, e.g. 2022")
    .option("--quarter <q>", "sampai triwulan I, II, III atau IV / up to quarter", "IV")
    .option("--out <dir>", "folder keluaran / output folder", "out")
    .option("--format <list>", "xlsx,csv,md,html", "xlsx,csv,md,html")
    .option("--allow-errors", "keluarkan program yang daftarnya bergalat / leave out programs whose list has errors")
    .addOption(new Option("--profile <profile>", "public: disabilitas 1-4 jadi <5; internal: angka lengkap").choices(["public", "internal"]).default("public"))
    .option("--json", "angka laporan sebagai JSON di stdout, tanpa berkas / figures as JSON, no files")
    .addOption(langOption())
    .option("--no-color", "tanpa warna / no colours")
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runReport } = await import("./report.js");
      setExit(await runReport(files, opts));
    });
}
