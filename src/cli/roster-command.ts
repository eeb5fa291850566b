import type { Command } from "commander";

export function declareRoster(program: Command, setExit: (code: number) => void): void {
  program
    .command("roster")
    .description("(belum tersedia / not built yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pelatihan roster: belum tersedia di versi ini / not built yet in this version\n");
      setExit(2);
    });
}
