/** The three kinds of error: findings (exit 1), user errors (2 or 3), bugs (stack trace). */
import { CommanderError } from "commander";
import { isUserError } from "../errors.js";

export async function runGuarded(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; commander already printed usage problems
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(e)) {
      const where = e.file ? `${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ""}` : ""}: ` : "";
      process.stderr.write(`pelatihan: ${where}${e.message} [${e.code}]\n`);
      if (e.hint) process.stderr.write(`  ${e.hint}\n`);
      return e.exitCode;
    }
    process.stderr.write(
      "pelatihan: kesalahan internal (bug) / internal error. Mohon laporkan dengan pesan di bawah ini.\n",
    );
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
