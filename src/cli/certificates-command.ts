import type { Command } from "commander";

export function declareCertificates(program: Command, setExit: (code: number) => void): void {
  program
    .command("certificates")
    .description("(belum tersedia / not built yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pelatihan certificates: belum tersedia di versi ini / not built yet in this version\n");
      setExit(2);
    });
}
