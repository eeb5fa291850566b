import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, neutraliseCell } from "../../src/io/csv-write.js";

describe("CSV cells", () => {
  it("neutralises exactly the cells Excel would run as a formula, and quotes what needs quotes", () => {
    const text = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", ";", "1", ".", "a", " ", "é"), maxLength: 6 });
    fc.assert(
      fc.property(text, fc.constantFrom(",", ";"), (s, d) => {
        const formula = /^[=+\-@\t\r]/.test(s) && !/^-\d+([.,]\d+)?$/.test(s);
        const v = formula ? `'${s}` : s;
        expect(neutraliseCell(s)).toBe(v);
        const quoted = v.includes(d) || v.includes('"') || v.includes("\n") || v.includes("\r");
        expect(csvCell(s, d)).toBe(quoted ? `"${v.replace(/"/g, '""')}"` : v);
      }),
      { numRuns: 3000 },
    );
  });
});
