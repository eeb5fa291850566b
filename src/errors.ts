/**
 * User errors stop a run: a missing file, a folder that cannot be written, a bad option.
 * They are printed without a stack trace. Anything else thrown is a bug.
 */

export type ExitCode = 0 | 1 | 2 | 3;

export class UserError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    opts: { exitCode?: ExitCode; file?: string; line?: number; column?: number; hint?: string } = {},
  ) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.exitCode = opts.exitCode ?? 2;
    this.file = opts.file;
    this.line = opts.line;
    this.column = opts.column;
    this.hint = opts.hint;
  }
}

/** Could not write an output (exit 3). */
export class OutputError extends UserError {
  constructor(code: string, message: string, opts: { file?: string; hint?: string } = {}) {
    super(code, message, { ...opts, exitCode: 3 });
    this.name = "OutputError";
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
