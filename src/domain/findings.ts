/**
 * Findings are data: every problem found in a program or a participant list is a value
 * with a stable code, never an exception and never printed here. Words come later, from
 * src/report/messages.ts, in the language the user asked for.
 */

export type Severity = "error" | "warning";

/** Every finding code with its severity. Codes are stable: documented in the README. */
export const CODES = {
  // unreadable input (fatal: the file could not be used at all; exit 2)
  FILE_UNREADABLE: "error",
  CSV_EMPTY: "error",
  CSV_ENCODING_INVALID: "error",
  YAML_SYNTAX: "error",
  // participant list structure
  CSV_SYNTAX: "error",
  CSV_HEADER_MISSING: "error",
  CSV_HEADER_DUPLICATE: "error",
  CSV_HEADER_BLANK: "error",
  CSV_ENCODING: "warning",
  CSV_HEADER_UNKNOWN: "warning",
  // program definition
  PROGRAM_INVALID: "error",
  PROGRAM_ID_DUPLICATE: "error",
  // rows
  NIK_FORMAT: "error",
  NIK_DATE: "error",
  NIK_DUPLICATE: "error",
  NIK_EXCEL_DAMAGE: "warning",
  NIK_REGION: "warning",
  NIK_BIRTHDATE_MISMATCH: "warning",
  NIK_SEX_MISMATCH: "warning",
  NAME_MISSING: "error",
  NAME_SUSPICIOUS: "warning",
  DISTRICT_UNKNOWN: "error",
  VILLAGE_UNKNOWN: "warning",
  DATE_INVALID: "error",
  SEX_INVALID: "error",
  DISABILITY_INVALID: "error",
  ATTENDANCE_INVALID: "error",
  VALUE_INVALID: "error",
  AGE_OUT_OF_RANGE: "error",
  DISABILITY_REQUIRED: "error",
  SEX_NOT_ELIGIBLE: "error",
  PERSON_REPEATED: "warning",
  // whole list
  QUOTA_TOTAL: "error",
  QUOTA_DISTRICT: "error",
  QUOTA_GROUP: "error",
  COVERAGE_LOW: "error",
  FINDINGS_TRUNCATED: "warning",
} as const satisfies Record<string, Severity>;

export type Code = keyof typeof CODES;

/** Codes that mean the file could not be used at all. */
export const FATAL_CODES: ReadonlySet<Code> = new Set<Code>([
  "FILE_UNREADABLE",
  "CSV_EMPTY",
  "CSV_ENCODING_INVALID",
  "YAML_SYNTAX",
]);

export type FindingArgs = Record<string, string | number | undefined>;

export interface Finding {
  code: Code;
  severity: Severity;
  /** Path as the user gave it or relative to the working directory. */
  file: string;
  /** 1-based line in the file; the CSV header is line 1. */
  line?: number;
  /** 1-based column (YAML) where known. */
  column?: number;
  /** Canonical column name (CSV) or key path (YAML), e.g. `quota.total`. */
  field?: string;
  /** Message parameters. Never a full NIK: use maskNik() before putting one here. */
  args: FindingArgs;
}

export function finding(
  code: Code,
  file: string,
  where: { line?: number; column?: number; field?: string } = {},
  args: FindingArgs = {},
): Finding {
  const f: Finding = { code, severity: CODES[code], file, args };
  if (where.line !== undefined) f.line = where.line;
  if (where.column !== undefined) f.column = where.column;
  if (where.field !== undefined) f.field = where.field;
  return f;
}

export function isFatal(f: Finding): boolean {
  return FATAL_CODES.has(f.code);
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order: by file, then line, then column, then code. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.column ?? 0;
  const cb = b.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
