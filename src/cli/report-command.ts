import type { Command } from "commander";

export function declareReport(program: Command, setExit: (code: number) => void): void {
  program
    .command("report")
    .description("(belum tersedia / not built yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pelatihan report: belum tersedia di versi ini / not built yet in this version\n");
      setExit(2);
    });
}
