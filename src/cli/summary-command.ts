import type { Command } from "commander";

export function declareSummary(program: Command, setExit: (code: number) => void): void {
  program
    .command("summary")
    .description("(belum tersedia / not built yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pelatihan summary: belum tersedia di versi ini / not built yet in this version\n");
      setExit(2);
    });
}
