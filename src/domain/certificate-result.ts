/**
 * Who gets which certificate (Permenaker 6/2025): attendance share of the program days at
 * least completion.min_attendance and, when the program sets min_score and the list has a
 * `nilai` column, a score at least that -> sertifikat (LULUS). Attended enough but did not
 * pass -> surat keterangan mengikuti pelatihan when the program asks for it. Everyone else
 * gets nothing, with the reason in Indonesian. Pure.
 */
import type { CertificateKind } from "./certificate-types.js";
import type { Participant } from "./participant.js";
import type { Program } from "./program.js";

export type NoCertificateCode = "NOT_PARTICIPANT" | "NO_ATTENDANCE" | "ATTENDANCE_LOW" | "SCORE_MISSING" | "SCORE_LOW";

export type CertificateDecision =
  | { kind: CertificateKind; present: number; days: number; reason: string }
  | { kind: "none"; code: NoCertificateCode; present: number; days: number; reason: string };

export interface ListShape {
  hasStatusColumn: boolean;
  /** The list has a `nilai` column (min_score applies only then). */
  hasScoreColumn: boolean;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function certificateDecision(p: Participant, program: Program, list: ListShape): CertificateDecision {
  const days = program.days;
  let present = 0;
  for (const a of p.attendance) if (a) present++;
  if (list.hasStatusColumn && p.status !== "peserta") {
    const s = p.status ?? "";
    return { kind: "none", code: "NOT_PARTICIPANT", present, days, reason: `status ${s === "" ? "kosong" : `"${s}"`}, bukan peserta` };
  }
  if (p.attendance.length === 0) {
    return { kind: "none", code: "NO_ATTENDANCE", present, days, reason: "kehadiran belum diisi" };
  }
  const min = program.completion.minAttendance;
  const share = days > 0 ? present / days : 0;
  const attended = `hadir ${present} dari ${days} hari (${pct(share)})`;
  // tolerance: 80% written as 0.8 must not fail 4 of 5 days through rounding
  if (share + 1e-9 < min) {
    return { kind: "none", code: "ATTENDANCE_LOW", present, days, reason: `${attended}, kurang dari ${pct(min)}` };
  }
  const minScore = program.completion.minScore;
  if (minScore !== undefined && list.hasScoreColumn) {
    const failed: { code: NoCertificateCode; why: string } | undefined =
      p.score === undefined
        ? { code: "SCORE_MISSING", why: "nilai belum diisi" }
        : p.score < minScore
          ? { code: "SCORE_LOW", why: `nilai ${p.score} di bawah batas lulus ${minScore}` }
          : undefined;
    if (failed) {
      if (program.completion.attendanceCertificate && failed.code === "SCORE_LOW") {
        return { kind: "keterangan", present, days, reason: `${attended}; ${failed.why}: surat keterangan mengikuti pelatihan` };
      }
      return { kind: "none", code: failed.code, present, days, reason: `${attended}; ${failed.why}` };
    }
    return { kind: "sertifikat", present, days, reason: `${attended}; nilai ${p.score ?? ""}` };
  }
  return { kind: "sertifikat", present, days, reason: attended };
}

/** The result line printed on the certificate (domain: lulus / peserta). */
export function resultText(kind: CertificateKind): string {
  return kind === "sertifikat" ? "LULUS" : "PESERTA";
}

export function documentTitle(kind: CertificateKind): string {
  return kind === "sertifikat" ? "SERTIFIKAT" : "SURAT KETERANGAN";
}

/** NIP "196804111993031009" as printed on documents: "19680411 199303 1 009". */
export function formatNip(nip: string | undefined): string {
  if (nip === undefined) return "";
  const d = nip.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(d)) return nip;
  return `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}
