/**
 * Who completed a program (lulus): attendance share >= completion.minAttendance and, when
 * the program sets one, score >= completion.minScore (Permenaker 6/2025). Pure.
 */
import type { Participant } from "./participant.js";
import type { Program } from "./program.js";

/** Days present / program days; undefined when the list has no attendance yet. */
export function attendanceShare(p: Participant, program: Program): number | undefined {
  if (p.attendance.length === 0 || program.days <= 0) return undefined;
  let present = 0;
  for (const a of p.attendance) if (a) present++;
  return present / program.days;
}

/** true/false, or undefined when attendance is not recorded (nobody can be judged yet). */
export function isCompleter(p: Participant, program: Program): boolean | undefined {
  const share = attendanceShare(p, program);
  if (share === undefined) return undefined;
  // a tiny tolerance: 0.8 written as 80% must not fail 4 of 5 days through rounding
  if (share + 1e-9 < program.completion.minAttendance) return false;
  const min = program.completion.minScore;
  return min === undefined || (p.score !== undefined && p.score >= min);
}
