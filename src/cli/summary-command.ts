import { Option, type Command } from "commander";
import { langOption } from "./options.js";

export function declareSummary(program: Command, setExit: (code: number) => void): void {
  program
    .command("summary")
    .description("ringkasan angka per program / figures per program")
    .argument("[program...]", "berkas program YAML (bawaan: semua di ./data/programs) / program files")
    .option("--json", "hanya JSON di stdout / print JSON only")
    .option("--out <dir>", "tulis <dir>/<id>/ringkasan.md dan .html / write Markdown and HTML documents")
    .addOption(new Option("--profile <profile>", "internal: angka lengkap; public: disabilitas 1-4 jadi <5").choices(["internal", "public"]).default("internal"))
    .addOption(langOption())
    .option("--no-color", "tanpa warna / no colours")
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runSummary } = await import("./summary.js");
      setExit(await runSummary(files, opts));
    });
}
