import type { Command } from "commander";

export function declareInit(program: Command, setExit: (code: number) => void): void {
  program
    .command("init")
    .description("(belum tersedia / not built yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pelatihan init: belum tersedia di versi ini / not built yet in this version\n");
      setExit(2);
    });
}
