import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN, formatNumber, numberSeries } from "../../src/domain/certificate-number.js";

const ctx = { year: 2022, month: 11, program: "handicraft-disabilitas-2022" };

describe("formatNumber", () => {
  it.each([
    ["500.8.1/{seq:03}/424.083/{year}", 15, "500.8.1/015/424.083/2022"],
    ["500.8.1/{seq:03}/424.083/{year}", 1234, "500.8.1/1234/424.083/2022"],
    ["{seq}/{month}/{year}", 7, "7/11/2022"],
    ["800/{seq:04}/{month_roman}/{year}", 3, "800/0003/XI/2022"],
    [DEFAULT_NUMBER_PATTERN, 1, "handicraft-disabilitas-2022/001/2022"],
  ])("%s #%i -> %s", (pattern, seq, want) => {
    expect(checkNumberPattern(pattern)).toBeUndefined();
    expect(formatNumber(pattern, seq, ctx)).toBe(want);
  });

  it("roman months run I to XII", () => {
    const got = Array.from({ length: 12 }, (_, i) => formatNumber("{month_roman}-{seq}", 1, { ...ctx, month: i + 1 }));
    expect(got).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"].map((r) => `${r}-1`));
  });

  it("refuses a sequence number below 1", () => {
    expect(() => formatNumber("{seq}", 0, ctx)).toThrow(RangeError);
  });
});

describe("numberSeries", () => {
  it("fills everything but the running number, whatever its padding", () => {
    expect(numberSeries("500.8.1/{seq:03}/424.083/{year}", ctx)).toBe("500.8.1/{seq}/424.083/2022");
    expect(numberSeries("500.8.1/{seq:04}/424.083/{year}", ctx)).toBe("500.8.1/{seq}/424.083/2022");
    expect(numberSeries("500.8.1/{seq:03}/424.083/{year}", { ...ctx, year: 2023 })).toBe("500.8.1/{seq}/424.083/2023");
  });

  it("different sequence numbers of one series give different numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 9 }), (a, b, w) => {
        fc.pre(a !== b);
        const p = `x/{seq:0${w}}/{year}`;
        expect(formatNumber(p, a, ctx)).not.toBe(formatNumber(p, b, ctx));
      }),
    );
  });
});

describe("checkNumberPattern", () => {
  it.each([
    ["", /kosong/],
    ["500.8.1/424.083/{year}", /satu \{seq\}/],
    ["{seq}/{seq:02}", /lebih dari satu/],
    ["{seq}/{tahun}", /\{tahun\}/],
    ["{seq:3}", /\{seq:3\}/],
    ["{seq}/{year", /tanpa "\}"/],
    ["{seq}/year}", /tanpa "\{"/],
    ["{seq}\n", /kendali/],
    [`{seq}${"x".repeat(200)}`, /terlalu panjang/],
  ])("%j is refused", (pattern, why) => {
    expect(checkNumberPattern(pattern)).toMatch(why);
    expect(() => formatNumber(pattern, 1, ctx)).toThrow(RangeError);
  });
});
