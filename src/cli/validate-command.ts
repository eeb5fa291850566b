import type { Command } from "commander";

export function declareValidate(program: Command, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("(belum tersedia / not built yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pelatihan validate: belum tersedia di versi ini / not built yet in this version\n");
      setExit(2);
    });
}
