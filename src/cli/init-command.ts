import type { Command } from "commander";
import { langOption } from "./options.js";

export function declareInit(program: Command, setExit: (code: number) => void): void {
  program
    .command("init")
    .description("buat ruang kerja baru dengan contoh program dan daftar / write a new workspace with an example program and list")
    .argument("[dir]", "folder ruang kerja (bawaan: folder ini) / workspace folder (default: current folder)")
    .option("--force", "timpa berkas contoh yang sudah ada / overwrite existing example files")
    .addOption(langOption())
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runInit } = await import("./init.js");
      setExit(await runInit(dir, opts));
    });
}
