/**
 * The roster as a table: the list's own columns plus status, urutan and alasan. One model
 * for the CSV and the XLSX, so both always say the same thing.
 */
import { maskNik } from "../domain/nik.js";
import type { Participant } from "../domain/participant.js";
import type { Decision } from "../domain/selection-types.js";

export type Profile = "public" | "internal";

/** Columns a public document never shows (PDP: phone, birth date, health data). */
const PRIVATE_COLUMNS = new Set(["telepon", "tanggal_lahir", "disabilitas"]);
/** Columns the roster writes itself: any old ones in the list are replaced. */
const ROSTER_COLUMNS = ["status", "urutan", "alasan"] as const;

export interface RosterTable {
  header: string[];
  /** Canonical name of each column (undefined: a column of the list we do not know). */
  kinds: (string | undefined)[];
  /** Rows in the order given (roster order: peserta by rank, cadangan by rank, then the rest). */
  rows: string[][];
}

export interface RosterRow {
  participant: Participant;
  decision: Decision;
}

/** Roster order: peserta 1..n, cadangan, then the others as they were in the list (no sort: ranks are 1..m). */
export function rosterOrder(rows: readonly RosterRow[]): RosterRow[] {
  const ranked: RosterRow[] = [];
  const rest: RosterRow[] = [];
  for (const r of rows) {
    if (r.decision.rank === undefined) rest.push(r);
    else ranked[r.decision.rank - 1] = r;
  }
  return [...ranked.filter((r) => r !== undefined), ...rest];
}

/** `rows` in roster order (rosterOrder). */
export function rosterTable(
  header: readonly string[],
  columns: readonly (string | undefined)[],
  rows: readonly RosterRow[],
  profile: Profile,
): RosterTable {
  const keep: number[] = [];
  header.forEach((_, i) => {
    const c = columns[i];
    if (c !== undefined && (ROSTER_COLUMNS as readonly string[]).includes(c)) return;
    // a public document keeps only the columns we know to hold no private data
    if (profile === "public" && (c === undefined || PRIVATE_COLUMNS.has(c))) return;
    keep.push(i);
  });
  const nikAt = columns.indexOf("nik");
  const out: RosterTable = {
    header: [...keep.map((i) => header[i] ?? ""), ...ROSTER_COLUMNS],
    kinds: [...keep.map((i) => columns[i]), ...ROSTER_COLUMNS],
    rows: [],
  };
  for (const { participant: p, decision: d } of rows) {
    const cells = keep.map((i) => {
      const v = p.cells[i] ?? "";
      return i === nikAt && profile === "public" ? maskNik(v) : v;
    });
    cells.push(d.status, d.rank === undefined ? "" : String(d.rank), d.reason);
    out.rows.push(cells);
  }
  return out;
}
