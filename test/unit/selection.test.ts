import { describe, expect, it } from "vitest";
import { selectParticipants, type Applicant, type SelectionRules } from "../../src/domain/selection.js";

const D = (n: number) => ({ code: `35.14.${String(n).padStart(2, "0")}`, name: `Kec${n}` });

/** Compact applicant: district number, group flags, optional registration date. */
function ap(index: number, district: number, groups: boolean[] = [], registeredAt?: string): Applicant {
  const a: Applicant = { index, state: "eligible", district: D(district), groups, reasons: [] };
  if (registeredAt) a.registeredAt = registeredAt;
  return a;
}

function statuses(apps: Applicant[], rules: SelectionRules): string {
  return selectParticipants(apps, rules)
    .decisions.map((d) => (d.status === "peserta" ? "P" : d.status === "cadangan" ? "C" : "T"))
    .join("");
}

describe("selection tables", () => {
  it.each([
    // [description, districts of applicants in row order, seats, perDistrict, expected]
    ["everyone fits", [1, 1, 2], 5, undefined, "PPP"],
    ["coverage before a second seat", [1, 1, 1, 2, 3], 3, undefined, "PCCPP"],
    ["per-kecamatan cap", [1, 1, 1, 2], 4, 2, "PPCP"],
    ["fewer seats than kecamatan: earliest kecamatan first", [3, 1, 2, 1], 2, undefined, "PPCC"],
    ["fill in registration order after coverage", [1, 1, 2, 1, 3], 4, undefined, "PPPCP"],
  ] as const)("%s", (_name, districts, seats, perDistrict, expected) => {
    const apps = districts.map((d, i) => ap(i, d));
    const rules: SelectionRules = { seats, groups: [] };
    if (perDistrict !== undefined) rules.perDistrict = perDistrict;
    expect(statuses(apps, rules)).toBe(expected);
  });

  it("uses tanggal_daftar before row order, and undated rows last", () => {
    const apps = [ap(0, 1), ap(1, 1, [], "2022-10-02"), ap(2, 1, [], "2022-10-01")];
    const s = selectParticipants(apps, { seats: 2, groups: [] });
    expect(s.decisions.map((d) => d.status)).toEqual(["cadangan", "peserta", "peserta"]);
    expect(s.decisions.map((d) => d.rank)).toEqual([3, 2, 1]);
  });

  it("meets a group minimum, preferring members from unrepresented kecamatan", () => {
    // women = group 0; seats 3, at least 2 women; women in kecamatan 1 and 3
    const apps = [ap(0, 1), ap(1, 2), ap(2, 1, [true]), ap(3, 3, [true]), ap(4, 2)];
    const s = selectParticipants(apps, { seats: 3, groups: [{ label: "perempuan", min: 2 }] });
    expect(s.decisions.map((d) => d.status)).toEqual(["cadangan", "peserta", "peserta", "peserta", "cadangan"]);
    expect(s.groups[0]).toMatchObject({ selected: 2, met: true });
    // kecamatan 3 has only a woman, so she is taken first (kecamatan 1 could be represented by a man)
    expect(s.decisions[3]?.reason).toBe("terpilih untuk kuota perempuan (1/2), kecamatan Kec3 (ke-1)");
    expect(s.decisions[2]?.reason).toBe("terpilih untuk kuota perempuan (2/2), kecamatan Kec1 (ke-1)");
  });

  it("keeps a group maximum for kecamatan only its members can represent", () => {
    // men = group 0, max 1; kecamatan 1 has a man (earliest) and a woman; kecamatan 2 only a man
    const apps = [ap(0, 1, [true]), ap(1, 1, [false]), ap(2, 2, [true])];
    const s = selectParticipants(apps, { seats: 2, perDistrict: 1, groups: [{ label: "laki-laki", max: 1 }] });
    expect(s.decisions.map((d) => d.status)).toEqual(["cadangan", "peserta", "peserta"]);
    expect(s.decisions[0]?.reason).toBe("kuota kecamatan Kec1 penuh (1/1), cadangan ke-1");
  });

  it("reports a minimum that cannot be met, with its cause", () => {
    const apps = [ap(0, 1, [true]), ap(1, 1, [true]), ap(2, 2), ap(3, 3)];
    const few = selectParticipants(apps, { seats: 4, groups: [{ label: "perempuan", min: 3 }] });
    expect(few.shortfalls).toEqual([{ label: "perempuan", min: 3, selected: 2, eligible: 2, cause: "applicants" }]);
    const capped = selectParticipants(apps, { seats: 4, perDistrict: 1, groups: [{ label: "perempuan", min: 2 }] });
    expect(capped.shortfalls[0]?.cause).toBe("per_district");
  });

  it("gives reasons to reserves and to people who cannot be chosen", () => {
    const apps: Applicant[] = [
      ap(0, 1),
      ap(1, 1),
      ap(2, 1),
      { index: 3, state: "ineligible", district: D(2), groups: [], reasons: ["usia 17 tahun, di bawah batas 18"] },
      { index: 4, state: "invalid", groups: [], reasons: ["NIK tidak valid", "kecamatan tidak dikenal"] },
    ];
    const s = selectParticipants(apps, { seats: 1, perDistrict: 1, groups: [] });
    expect(s.decisions.map((d) => [d.status, d.rank, d.reason])).toEqual([
      ["peserta", 1, "terpilih: kecamatan Kec1 (1/1)"],
      ["cadangan", 2, "kuota kecamatan Kec1 penuh (1/1), cadangan ke-1"],
      ["cadangan", 3, "kuota kecamatan Kec1 penuh (1/1), cadangan ke-2"],
      ["tidak_memenuhi_syarat", undefined, "usia 17 tahun, di bawah batas 18"],
      ["tidak_memenuhi_syarat", undefined, "data tidak valid: NIK tidak valid, kecamatan tidak dikenal"],
    ]);
    expect([s.selected, s.reserves, s.ineligible, s.invalid]).toEqual([1, 2, 1, 1]);
    expect(s.districts.map((d) => [d.district.code, d.applicants, d.eligible, d.selected, d.reserves])).toEqual([
      ["35.14.01", 3, 3, 1, 2],
      ["35.14.02", 1, 0, 0, 0],
    ]);
  });

  it("says 'kursi penuh' when only the seats ran out", () => {
    const s = selectParticipants([ap(0, 1), ap(1, 2)], { seats: 1, groups: [] });
    expect(s.decisions[1]?.reason).toBe("kursi penuh, cadangan ke-1");
  });

  it("30 applicants from 10 kecamatan, 20 seats, at most 2 each: all 10 covered", () => {
    const apps = Array.from({ length: 30 }, (_, i) => ap(i, (i % 10) + 1));
    const s = selectParticipants(apps, { seats: 20, perDistrict: 2, groups: [] });
    expect(s.selected).toBe(20);
    expect(s.districts.every((d) => d.selected === 2)).toBe(true);
  });
});
