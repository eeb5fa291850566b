/**
 * Command wiring only. Each command declares its options in a small `*-command.ts` file
 * and lazy-imports its implementation, so `pelatihan --help` loads no PDF, XLSX or CSV code.
 */
import { Command } from "commander";
import { declareValidate } from "./validate-command.js";
import { declareInit } from "./init-command.js";
import { declareRoster } from "./roster-command.js";
import { declareCertificates } from "./certificates-command.js";
import { declareSummary } from "./summary-command.js";
import { declareReport } from "./report-command.js";
import { declareKeys } from "./keys-command.js";
import { declareVerify } from "./verify-command.js";
import { runGuarded } from "./run.js";

export async function main(argv: string[]): Promise<number> {
  const program = new Command("pelatihan")
    .description(
      "Validasi, seleksi, sertifikat dan laporan pelatihan vokasi\n" +
        "Validate, select, certify and report vocational training programs",
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError()
    .exitOverride();
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // in the order of a program's life: set up, check, select, certify, report
  declareInit(program, setExit);
  declareValidate(program, setExit);
  declareRoster(program, setExit);
  declareKeys(program, setExit);
  declareCertificates(program, setExit);
  declareVerify(program, setExit);
  declareSummary(program, setExit);
  declareReport(program, setExit);
  return runGuarded(async () => {
    await program.parseAsync(argv);
    return exitCode;
  });
}

const VERSION = "0.1.0";
