import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskNik, nikMatchesBirthDate, parseNik, type NikOk } from "../../src/domain/nik.js";

// Synthetic NIKs: region 35.14.xx (Kabupaten Pasuruan), invented dates and serials.
function ok(raw: string): NikOk {
  const r = parseNik(raw);
  if (!r.ok) throw new Error(`expected ${raw} to parse, got ${r.reason}`);
  return r;
}

describe("parseNik: valid", () => {
  it.each([
    // raw, province, regency, district, day, month, yy, sex, serial
    ["3514010705880002", "35", "35.14", "35.14.01", 7, 5, 88, "L", "0002"],
    ["3514014705880002", "35", "35.14", "35.14.01", 7, 5, 88, "P", "0002"],
    ["3514244101000001", "35", "35.14", "35.14.24", 1, 1, 0, "P", "0001"],
    ["3514247112999999", "35", "35.14", "35.14.24", 31, 12, 99, "P", "9999"],
    ["1101013112450010", "11", "11.01", "11.01.01", 31, 12, 45, "L", "0010"],
    ["9601013004200001", "96", "96.01", "96.01.01", 30, 4, 20, "L", "0001"],
    ["  3514010705880002  ", "35", "35.14", "35.14.01", 7, 5, 88, "L", "0002"],
    ["'3514010705880002", "35", "35.14", "35.14.01", 7, 5, 88, "L", "0002"],
    [" '3514010705880002\t", "35", "35.14", "35.14.01", 7, 5, 88, "L", "0002"],
  ] as const)("%j", (raw, pp, kk, cc, day, month, yy, sex, serial) => {
    const r = ok(raw);
    const nik = raw.trim().replace(/^'/, "");
    expect(r).toEqual({
      ok: true, nik, provinceCode: pp, regencyCode: kk,
      districtCode: cc, day, month, yy, sex, serial,
      high: Number(nik.slice(0, 8)), low: Number(nik.slice(8)),
    });
  });
});

describe("parseNik: women's days and 29 February", () => {
  it.each([
    ["3514014101900001", true, 1, "P"],
    ["3514017101900001", true, 31, "P"],
    ["3514017201900001", false],
    ["3514014001900001", false],
    ["3514013201900001", false],
    ["3514013101900001", true, 31, "L"],
    ["3514017104900001", false], // 31 April for a woman
    ["3514017004900001", true, 30, "P"],
    ["3514012902000001", true, 29, "L"], // 2000 is leap
    ["3514016902000001", true, 29, "P"],
    ["3514012902960001", true, 29, "L"],
    ["3514012902040001", true, 29, "L"],
    ["3514012902990001", false],
    ["3514016902010001", false],
    ["3514012902100001", false],
    ["3514013002960001", false],
    ["3514017002960001", false],
    ["3514012802010001", true, 28, "L"],
  ] as const)("%s -> %s", (raw, valid, day?: number, sex?: string) => {
    const r = parseNik(raw);
    if (valid) expect(r).toMatchObject({ ok: true, day, sex });
    else expect(r).toEqual({ ok: false, reason: "date" });
  });
});

describe("parseNik: failures", () => {
  it.each([
    ["", "empty", undefined],
    ["   ", "empty", undefined],
    ["'", "empty", undefined],
    ["3.51401E+15", "scientific", undefined],
    ["3,51401E+15", "scientific", undefined],
    ["3.51401e+15", "scientific", undefined],
    ["3,51401e+15", "scientific", undefined],
    ["3.51401E15", "scientific", undefined],
    ["3.514010705880E+15", "scientific", undefined],
    ["3E+15", "scientific", undefined],
    ["'3.51401E+15", "scientific", undefined],
    [" 3.51401E+15 ", "scientific", undefined],
    ["3514 0107 0588 0002", "chars", undefined],
    ["3514.0107.0588.0002", "chars", undefined],
    ["3514-0107-0588-0002", "chars", undefined],
    ["351401070588000A", "chars", undefined],
    ["NIK3514010705880002", "chars", undefined],
    ["３５１４０１０７０５８８０００２", "chars", undefined], // full-width digits
    ["3514010705880002.0", "chars", undefined],
    ["''3514010705880002", "chars", undefined],
    ["351401070588000", "length", 15],
    ["35140107058800021", "length", 17],
    ["3", "length", 1],
    ["00000000000000000000", "length", 20],
    ["351401070588", "length", 12],
    ["1014010705880002", "region", undefined],
    ["0014010705880002", "region", undefined],
    ["3500010705880002", "region", undefined],
    ["3514000705880002", "region", undefined],
    ["3514010700880002", "date", undefined],
    ["3514010713880002", "date", undefined],
    ["3514010099880002", "date", undefined],
    ["3514010005880002", "date", undefined],
    ["3514013205880002", "date", undefined],
    ["3514013605880002", "date", undefined],
    ["3514014005880002", "date", undefined],
    ["3514017205880002", "date", undefined],
    ["3514019905880002", "date", undefined],
    ["3514013104880002", "date", undefined],
    ["3514013002880002", "date", undefined],
    ["3514010705880000", "serial", undefined],
  ] as const)("%j -> %s", (raw, reason, length) => {
    const r = parseNik(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.length).toBe(length);
  });
});

describe("nikMatchesBirthDate", () => {
  it.each([
    ["3514010705880002", "1988-05-07", true],
    ["3514014705880002", "1988-05-07", true],
    ["3514014705880002", "2088-05-07", true],
    ["3514010705880002", "1988-05-08", false],
    ["3514010705880002", "1988-06-07", false],
    ["3514010705880002", "1987-05-07", false],
    ["3514010705880002", "07/05/1988", false],
    ["3514010705880002", "", false],
  ] as const)("%s %s -> %s", (nik, iso, expected) => {
    expect(nikMatchesBirthDate(ok(nik), iso)).toBe(expected);
  });
});

describe("maskNik", () => {
  it.each([
    ["3514010705880002", "3514********0002"],
    [" '3514010705880002 ", "3514********0002"],
    ["35140107058800021", "3514*********0021"],
    ["351401070588", "3514****0588"],
    ["35140107058", "***********"],
    ["3.51401E+15", "***********"],
    ["", ""],
    ["abc", "***"],
  ] as const)("%j -> %s", (raw, expected) => {
    expect(maskNik(raw)).toBe(expected);
  });
});

const two = (n: number) => String(n).padStart(2, "0");
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const nikParts = fc
  .record({
    province: fc.integer({ min: 11, max: 96 }),
    regency: fc.integer({ min: 1, max: 99 }),
    district: fc.integer({ min: 1, max: 99 }),
    year: fc.integer({ min: 1940, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    sex: fc.constantFrom("L" as const, "P" as const),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map((p) => {
    const dim = (MONTH_DAYS[p.month - 1] ?? 31) + (p.month === 2 && isLeap(p.year) ? 1 : 0);
    return { ...p, day: 1 + Math.floor(p.dayFraction * dim) };
  });

describe("properties", () => {
  it("every generated valid NIK parses back into its parts", () => {
    fc.assert(
      fc.property(nikParts, (p) => {
        const nik = `${two(p.province)}${two(p.regency)}${two(p.district)}${two(p.day + (p.sex === "P" ? 40 : 0))}${two(p.month)}${two(p.year % 100)}${String(p.serial).padStart(4, "0")}`;
        const r = ok(nik);
        expect(r.provinceCode).toBe(two(p.province));
        expect(r.regencyCode).toBe(`${two(p.province)}.${two(p.regency)}`);
        expect(r.districtCode).toBe(`${two(p.province)}.${two(p.regency)}.${two(p.district)}`);
        expect([r.day, r.month, r.yy, r.sex]).toEqual([p.day, p.month, p.year % 100, p.sex]);
        expect(Number(r.serial)).toBe(p.serial);
        const iso = `${p.year}-${two(p.month)}-${two(p.day)}`;
        expect(nikMatchesBirthDate(r, iso)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("any string gives a result without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[0-9eE+.,' -]{0,20}$/)), (s) => {
        const r = parseNik(s);
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(["empty", "scientific", "chars", "length", "date", "serial", "region"]).toContain(r.reason);
      }),
      { numRuns: 2000 },
    );
  });

  it("any 16-digit string parses or fails with a date, region or serial reason", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (s) => {
        const r = parseNik(s);
        if (!r.ok) expect(["date", "serial", "region"]).toContain(r.reason);
      }),
    );
  });

  it("maskNik of any 16-digit string hides digits 5-12", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (s) => {
        expect(maskNik(s)).toBe(`${s.slice(0, 4)}********${s.slice(12)}`);
      }),
    );
  });

  it("maskNik of any string never shows more than 8 of its characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 })), (s) => {
        const input = Array.from(s.trim().replace(/^'/, ""));
        const masked = Array.from(maskNik(s));
        expect(masked.length).toBe(input.length);
        const shown = masked.filter((c) => c !== "*");
        expect(shown.length).toBeLessThanOrEqual(8);
        masked.forEach((c, i) => {
          if (c !== "*") expect(c).toBe(input[i]);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
