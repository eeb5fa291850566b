/** What a list scan does with each data row: the same whether one thread reads the list or two. */
import { finding } from "../domain/findings.js";
import type { ListChecker } from "../domain/list-checks.js";
import type { Participant } from "../domain/participant.js";
import { checkRow, type RowContext } from "../domain/row-check.js";
import type { FindingSink } from "./finding-sink.js";

/** Counts for quotas: status `peserta`, or every row when the list has no status column. */
export function isInProgram(p: Participant, hasStatusColumn: boolean): boolean {
  return !hasStatusColumn || p.status === "peserta";
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

export interface RowCounts {
  inProgram: number;
}

/** Checks one row: its findings, its NIK against the list's, its eligibility when it counts for quotas. */
export function scanRow(
  ctx: RowContext,
  cells: string[],
  line: number,
  rowIndex: number,
  hasStatusColumn: boolean,
  sink: FindingSink,
  checker: ListChecker,
  counts: RowCounts,
): Participant {
  const { participant: p, findings, nik } = checkRow(ctx, cells, line, rowIndex);
  sink.addAll(findings);
  const inProgram = isInProgram(p, hasStatusColumn);
  const dup = checker.add(p, nik, inProgram, ctx.index);
  if (dup) {
    sink.add(dup);
    p.errors = [...p.errors, "NIK_DUPLICATE"];
  }
  if (inProgram) {
    counts.inProgram++;
    for (const e of p.ineligible) sink.add(finding(e.code, ctx.file, { line, field: fieldOf(e.code) }, { reason: e.reason, ...e.args }));
  }
  return p;
}

function fieldOf(code: string): string {
  if (code === "AGE_OUT_OF_RANGE") return "tanggal_lahir";
  if (code === "SEX_NOT_ELIGIBLE") return "jenis_kelamin";
  return "disabilitas";
}
