import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NikTable } from "../../src/domain/nik-table.js";

const nik = fc.stringMatching(/^[0-9]{16}$/);

describe("NikTable", () => {
  it("behaves like a Map from NIK to its first value, through growth", () => {
    fc.assert(
      fc.property(fc.array(nik, { maxLength: 3000 }), (niks) => {
        const t = new NikTable(4);
        const m = new Map<string, number>();
        niks.forEach((n, i) => {
          expect(t.add(n, i)).toBe(m.get(n));
          if (!m.has(n)) m.set(n, i);
        });
        expect(t.size).toBe(m.size);
        for (const [n, v] of m) expect(t.get(n)).toBe(v);
        expect(new Map(t.entries())).toEqual(m);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps leading zeros and the largest NIK apart", () => {
    const t = new NikTable();
    t.add("0000000000000001", 1);
    t.add("9999999999999999", 2);
    t.add("0000000100000000", 3);
    expect(t.get("0000000000000001")).toBe(1);
    expect(t.get("9999999999999999")).toBe(2);
    expect(t.get("0000000100000000")).toBe(3);
    expect(t.get("1000000000000000")).toBeUndefined();
  });
});
