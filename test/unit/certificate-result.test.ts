import { describe, expect, it } from "vitest";
import { certificateDecision, formatNip, resultText, documentTitle } from "../../src/domain/certificate-result.js";
import { person, program } from "./report-helpers.js";

const H = true;
const A = false;
const plain = { hasStatusColumn: false, hasScoreColumn: false };
const scored = { hasStatusColumn: false, hasScoreColumn: true };

describe("certificateDecision (4 days, min attendance 0.8 unless said)", () => {
  const cases: {
    name: string;
    attendance: boolean[];
    score?: number;
    status?: string;
    minAttendance?: number;
    minScore?: number;
    attendanceCertificate?: boolean;
    list?: typeof plain;
    kind: string;
    reason: RegExp;
  }[] = [
    { name: "all days", attendance: [H, H, H, H], kind: "sertifikat", reason: /hadir 4 dari 4 hari \(100%\)/ },
    { name: "3 of 4 is 75% < 80%", attendance: [H, H, H, A], kind: "none", reason: /hadir 3 dari 4 hari \(75%\), kurang dari 80%/ },
    { name: "3 of 4 with min 0.75", attendance: [H, H, H, A], minAttendance: 0.75, kind: "sertifikat", reason: /75%/ },
    { name: "no attendance columns", attendance: [], kind: "none", reason: /kehadiran belum diisi/ },
    { name: "score passes", attendance: [H, H, H, H], score: 70, minScore: 70, list: scored, kind: "sertifikat", reason: /nilai 70/ },
    { name: "score fails, no attendance certificate", attendance: [H, H, H, H], score: 69, minScore: 70, list: scored, kind: "none", reason: /nilai 69 di bawah batas lulus 70/ },
    { name: "score fails, attendance certificate", attendance: [H, H, H, H], score: 50, minScore: 70, attendanceCertificate: true, list: scored, kind: "keterangan", reason: /surat keterangan/ },
    { name: "score empty", attendance: [H, H, H, H], minScore: 70, attendanceCertificate: true, list: scored, kind: "none", reason: /nilai belum diisi/ },
    { name: "min_score without a nilai column is not applied", attendance: [H, H, H, H], minScore: 70, list: plain, kind: "sertifikat", reason: /hadir 4/ },
    { name: "attendance low beats a good score", attendance: [H, A, A, A], score: 100, minScore: 70, attendanceCertificate: true, list: scored, kind: "none", reason: /25%/ },
    { name: "status cadangan", attendance: [H, H, H, H], status: "cadangan", list: { hasStatusColumn: true, hasScoreColumn: false }, kind: "none", reason: /status "cadangan", bukan peserta/ },
    { name: "status peserta", attendance: [H, H, H, H], status: "peserta", list: { hasStatusColumn: true, hasScoreColumn: false }, kind: "sertifikat", reason: /hadir 4/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const completion: { minAttendance: number; attendanceCertificate: boolean; minScore?: number } = {
        minAttendance: c.minAttendance ?? 0.8,
        attendanceCertificate: c.attendanceCertificate ?? false,
      };
      if (c.minScore !== undefined) completion.minScore = c.minScore;
      const prog = program({ completion });
      const p = person({ attendance: c.attendance });
      if (c.score !== undefined) p.score = c.score;
      if (c.status !== undefined) p.status = c.status;
      const d = certificateDecision(p, prog, c.list ?? plain);
      expect(d.kind).toBe(c.kind);
      expect(d.reason).toMatch(c.reason);
    });
  }

  it("4 of 5 days is exactly 80% and passes", () => {
    const d = certificateDecision(person({ attendance: [H, H, H, H, A] }), program({ days: 5 }), plain);
    expect(d).toMatchObject({ kind: "sertifikat", present: 4, days: 5 });
  });
});

describe("printed texts", () => {
  it("groups an 18-digit NIP and leaves anything else as written", () => {
    expect(formatNip("196804111993031009")).toBe("19680411 199303 1 009");
    expect(formatNip("19680411 199303 1 009")).toBe("19680411 199303 1 009");
    expect(formatNip("-")).toBe("-");
    expect(formatNip(undefined)).toBe("");
  });
  it("names results and titles", () => {
    expect([resultText("sertifikat"), resultText("keterangan")]).toEqual(["LULUS", "PESERTA"]);
    expect([documentTitle("sertifikat"), documentTitle("keterangan")]).toEqual(["SERTIFIKAT", "SURAT KETERANGAN"]);
  });
});
