import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BULAN, addDays, ageOn, daysInclusive, excelSerialToIso, formatRange, formatTanggal, isValidIso,
  isoToExcelSerial, parseDate, quarterOf, romanQuarter,
} from "../../src/domain/dates.js";

describe("parseDate: accepted forms", () => {
  it.each([
    ["2022-11-07", "2022-11-07"],
    ["2022/11/07", "2022-11-07"],
    ["2022-11-07 00:00:00", "2022-11-07"],
    ["2022-11-07T00:00:00", "2022-11-07"],
    ["2022-11-07T08:30:00.000Z", "2022-11-07"],
    ["2022-11-07 8:30", "2022-11-07"],
    ["2022-1-7", "2022-01-07"],
    ["  2022-11-07\t", "2022-11-07"],
    ["07/11/2022", "2022-11-07"],
    ["7/11/2022", "2022-11-07"],
    ["7/1/2022", "2022-01-07"],
    ["07/11/2022 00:00", "2022-11-07"],
    ["07-11-2022", "2022-11-07"],
    ["7-11-2022", "2022-11-07"],
    ["07.11.2022", "2022-11-07"],
    ["7 November 2022", "2022-11-07"],
    ["07 Nov 2022", "2022-11-07"],
    ["7-Nov-2022", "2022-11-07"],
    ["7 NOVEMBER 2022", "2022-11-07"],
    ["7 nov. 2022", "2022-11-07"],
    ["7  November  2022", "2022-11-07"],
    ["1 Jan 2022", "2022-01-01"],
    ["1 Januari 2022", "2022-01-01"],
    ["1 Februari 2022", "2022-02-01"],
    ["1 Feb 2022", "2022-02-01"],
    ["1 Maret 2022", "2022-03-01"],
    ["1 Mar 2022", "2022-03-01"],
    ["1 Apr 2022", "2022-04-01"],
    ["1 Mei 2022", "2022-05-01"],
    ["1 May 2022", "2022-05-01"],
    ["1 Jun 2022", "2022-06-01"],
    ["1 Jul 2022", "2022-07-01"],
    ["17 Agustus 1945", "1945-08-17"],
    ["17 Agu 1945", "1945-08-17"],
    ["17 Agt 1945", "1945-08-17"],
    ["17 Ags 1945", "1945-08-17"],
    ["17 Aug 1945", "1945-08-17"],
    ["1 Sep 2022", "2022-09-01"],
    ["1 Okt 2022", "2022-10-01"],
    ["1 Oct 2022", "2022-10-01"],
    ["1 Des 2022", "2022-12-01"],
    ["1 Dec 2022", "2022-12-01"],
    ["25-Dec-2022", "2022-12-25"],
    ["10 Nopember 2022", "2022-11-10"],
    ["29/02/2000", "2000-02-29"],
    ["29 Februari 2024", "2024-02-29"],
    ["44872", "2022-11-07"],
    ["1000", "1902-09-26"],
    ["99999", "2173-10-13"],
    ["2022", "1905-07-14"], // a bare 4-digit number is an Excel serial, not a year
  ])("%j -> %s", (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, iso });
  });
});

describe("parseDate: failures", () => {
  it.each([
    ["", "empty"],
    ["  ", "empty"],
    ["31/02/2000", "impossible"],
    ["2000-13-01", "impossible"],
    ["2000-00-10", "impossible"],
    ["2000-01-00", "impossible"],
    ["2000-01-32", "impossible"],
    ["29/02/1900", "impossible"],
    ["29/02/2023", "impossible"],
    ["31/04/2022", "impossible"],
    ["0/11/2022", "impossible"],
    ["31 Juni 2022", "impossible"],
    ["7/11/22", "format"],
    ["07-11-22", "format"],
    ["7 Nov 22", "format"],
    ["22-11-07", "format"],
    ["7/11-2022", "format"],
    ["2022-11/07", "format"],
    ["2022-11-07x", "format"],
    ["2022-11-07 kemarin", "format"],
    ["2022-011-07", "format"],
    ["07/11/20222", "format"],
    ["123/11/2022", "format"],
    ["7 Novembre 2022", "format"],
    ["7 Nov", "format"],
    ["November 7, 2022", "format"],
    ["7November2022", "format"],
    ["7 11 2022", "format"],
    ["7.Nov.2022", "format"],
    ["999", "format"],
    ["100000", "format"],
    ["44872.5", "format"],
    ["-44872", "format"],
    ["tanggal", "format"],
  ])("%j -> %s", (raw, reason) => {
    expect(parseDate(raw)).toEqual({ ok: false, reason });
  });
});

describe("Excel serials", () => {
  it.each([
    [44872, "2022-11-07"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [2022, "1905-07-14"],
  ])("%d <-> %s", (serial, iso) => {
    expect(excelSerialToIso(serial)).toEqual({ ok: true, iso });
    expect(isoToExcelSerial(iso)).toBe(serial);
  });
  it.each([0, 60, -1, 1.5])("%d is impossible", (serial) => {
    expect(excelSerialToIso(serial)).toEqual({ ok: false, reason: "impossible" });
  });
});

describe("formatting", () => {
  it.each([
    ["2022-11-07", "7 November 2022"],
    ["2023-01-01", "1 Januari 2023"],
    ["1945-08-17", "17 Agustus 1945"],
    ["2024-02-29", "29 Februari 2024"],
    ["0999-05-10", "10 Mei 0999"],
  ])("formatTanggal %s -> %s", (iso, text) => {
    expect(formatTanggal(iso)).toBe(text);
  });

  it.each([
    ["2022-11-07", "2022-11-10", "7-10 November 2022"],
    ["2022-11-30", "2022-12-02", "30 November - 2 Desember 2022"],
    ["2022-12-30", "2023-01-02", "30 Desember 2022 - 2 Januari 2023"],
    ["2022-11-07", "2022-11-07", "7 November 2022"],
    ["2022-11-07", "2022-11-08", "7-8 November 2022"],
  ])("formatRange %s %s -> %s", (a, b, text) => {
    expect(formatRange(a, b)).toBe(text);
  });

  it("refuses what is not a date or a backwards range (a bug in the caller)", () => {
    expect(() => formatTanggal("2022-02-30")).toThrow(RangeError);
    expect(() => formatRange("2022-11-10", "2022-11-07")).toThrow(RangeError);
  });

  it("has the twelve Indonesian month names", () => {
    expect(BULAN).toHaveLength(12);
    expect(BULAN[7]).toBe("Agustus");
  });
});

describe("arithmetic", () => {
  it.each([
    ["2000-11-07", "2022-11-06", 21],
    ["2000-11-07", "2022-11-07", 22],
    ["2000-11-07", "2022-12-01", 22],
    ["2000-02-29", "2023-02-28", 22],
    ["2000-02-29", "2023-03-01", 23],
    ["2000-02-29", "2024-02-29", 24],
    ["2022-11-07", "2022-11-07", 0],
    ["1999-12-31", "2000-01-01", 0],
  ])("ageOn %s %s -> %d", (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    ["2022-01-01", 1, "I"], ["2022-03-31", 1, "I"], ["2022-04-01", 2, "II"], ["2022-06-30", 2, "II"],
    ["2022-07-01", 3, "III"], ["2022-09-30", 3, "III"], ["2022-10-01", 4, "IV"], ["2022-12-31", 4, "IV"],
  ] as const)("quarterOf %s -> %d %s", (iso, q, roman) => {
    expect(quarterOf(iso)).toBe(q);
    expect(romanQuarter(quarterOf(iso))).toBe(roman);
  });

  it.each([
    ["2022-11-07", 3, "2022-11-10"],
    ["2022-12-30", 3, "2023-01-02"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2022-01-01", -1, "2021-12-31"],
    ["1900-02-28", 1, "1900-03-01"],
    ["2022-11-07", 0, "2022-11-07"],
  ])("addDays %s %d -> %s", (iso, n, out) => {
    expect(addDays(iso, n)).toBe(out);
  });

  it.each([
    ["2022-11-07", "2022-11-10", 4],
    ["2022-11-07", "2022-11-07", 1],
    ["2022-12-30", "2023-01-02", 4],
    ["2024-02-01", "2024-03-01", 30],
  ])("daysInclusive %s %s -> %d", (a, b, n) => {
    expect(daysInclusive(a, b)).toBe(n);
  });

  it.each([
    ["2022-11-07", true], ["2024-02-29", true], ["2023-02-29", false], ["2022-13-01", false],
    ["2022-11-7", false], ["2022/11/07", false], ["22-11-07", false], ["2022-11-07 ", false], ["", false],
    ["2022-1a-07", false],
  ])("isValidIso %j -> %s", (s, valid) => {
    expect(isValidIso(s)).toBe(valid);
  });
});

const isoDate = fc
  .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("properties", () => {
  it("any string gives a result without throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[0-9 ./:T-]{0,20}$/)),
        (s) => {
          const r = parseDate(s);
          if (r.ok) expect(isValidIso(r.iso)).toBe(true);
          else expect(["empty", "format", "impossible"]).toContain(r.reason);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("every valid ISO date round-trips through the Indonesian form and dd/mm/yyyy", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(isValidIso(iso)).toBe(true);
        expect(parseDate(iso)).toEqual({ ok: true, iso });
        expect(parseDate(formatTanggal(iso))).toEqual({ ok: true, iso });
        const [y, m, d] = iso.split("-");
        expect(parseDate(`${d}/${m}/${y}`)).toEqual({ ok: true, iso });
      }),
      { numRuns: 3000 },
    );
  });

  it("addDays agrees with daysInclusive and Excel serials count days", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3000, max: 3000 }), (iso, n) => {
        fc.pre(iso >= "1910-01-01" && iso <= "9990-01-01");
        const later = addDays(iso, n);
        expect(isValidIso(later)).toBe(true);
        expect(daysInclusive(iso, later)).toBe(n + 1);
        expect(isoToExcelSerial(later) - isoToExcelSerial(iso)).toBe(n);
        expect(excelSerialToIso(isoToExcelSerial(iso))).toEqual({ ok: true, iso });
      }),
    );
  });
});
