/**
 * The contract between reading a workspace and the commands that use it
 * (validate, roster, certificates, summary, report).
 */
import type { Finding } from "../domain/findings.js";
import type { Program } from "../domain/program.js";
import type { AreaRef, Participant } from "../domain/participant.js";
import type { Profile } from "../report/roster-rows.js";
import type { RosterPart } from "./roster-list.js";

export interface Coverage {
  region: string;
  regionName: string;
  /** Every kecamatan of the region, in code order. */
  districts: AreaRef[];
  /** Kecamatan with at least one person in the program. */
  covered: AreaRef[];
  /** Kecamatan with nobody in the program. */
  missing: AreaRef[];
}

export interface ListResult {
  program: Program;
  /** The participant list as findings name it. */
  file: string;
  /** Header cells exactly as in the file, and the canonical column each maps to (undefined: ignored/unknown). */
  header: string[];
  columns: (string | undefined)[];
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows that count for quotas: status `peserta`, or every row when the list has no status column. */
  inProgram: number;
  hasStatusColumn: boolean;
  /** The list has at least one hadir_N column. */
  hasAttendance: boolean;
  /** Findings for the program file and its list, sorted; capped per code (FINDINGS_TRUNCATED says so). */
  findings: Finding[];
  errors: number;
  warnings: number;
  /** True when the list could not be read at all (exit 2). */
  fatal: boolean;
  coverage?: Coverage;
  /** Filled only when asked for with `keep: true`. */
  participants: Participant[];
}

export interface ScanOptions {
  /** Keep every participant in memory (roster, certificates); off for streaming commands. */
  keep?: boolean;
  /**
   * Called once the list's header is read, before its first row is handed out: the header's
   * cells, the canonical column of each, canonical column -> cell index, the list's bytes.
   */
  onHeader?: (
    list: { header: readonly string[]; columns: readonly (string | undefined)[]; index: ReadonlyMap<string, number>; size: number },
    program: Program,
  ) => void;
  /** Called for each row as it is read, after the row's own checks. */
  onParticipant?: (p: Participant, program: Program) => void;
  /**
   * With onParticipant: rows are handed out as soon as they are read, before their NIK is
   * checked against the rows before them in batches; a row whose NIK repeats an earlier
   * row's is then reported here by its line, and its participant has no NIK_DUPLICATE mark.
   * Without it, rows wait for their batch (a few thousand rows) and carry the mark.
   */
  onDuplicate?: (line: number, program: Program) => void;
  /**
   * With onParticipant and onDuplicate: a big list may be read in two parts at once, the
   * second part's rows rendered for the roster by the other thread (RosterRows, applicant
   * records) and handed over in one piece; its repeated NIKs come to onDuplicate after it.
   */
  rosterPart?: {
    profile: Profile;
    delimiter: string;
    onPart(part: RosterPart, program: Program): void;
  };
  /** Bytes read so far, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number, program: Program) => void;
}
