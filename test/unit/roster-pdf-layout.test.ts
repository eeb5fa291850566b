import { describe, expect, it } from "vitest";
import { hariTanggal, planPages, rosterSections, rowsPerPage, HEADING } from "../../src/report/roster-pdf-layout.js";
import type { Program } from "../../src/domain/program.js";

const program = { id: "x", title: "T", organizer: "O", venue: "V", start: "2022-11-07", end: "2022-11-10", days: 4 } as Program;

describe("roster PDF layout", () => {
  it("has a participant list and one attendance sheet per day, dated in Indonesian", () => {
    const s = rosterSections(program, "public");
    expect(s.map((x) => x.kind)).toEqual(["list", "attendance", "attendance", "attendance", "attendance"]);
    expect(s[1]?.lines[2]).toBe("Hari ke-1 dari 4: Senin, 7 November 2022");
    expect(s[4]?.lines[2]).toBe("Hari ke-4 dari 4: Kamis, 10 November 2022");
    expect(s[0]?.lines[2]).toBe("Tanggal: 7-10 November 2022");
    expect(rosterSections(program, "internal")[0]?.columns.map((c) => c.key)).toContain("phone");
    expect(rosterSections(program, "public")[0]?.columns.map((c) => c.key)).not.toContain("phone");
    expect(hariTanggal("2024-02-29")).toBe("Kamis, 29 Februari 2024");
  });

  it("plans pages from fixed row heights: every row once, a page for an empty list", () => {
    const sections = rosterSections(program, "public");
    expect(planPages(sections, 0)).toHaveLength(5);
    expect(rowsPerPage(24, HEADING.first)).toBeGreaterThanOrEqual(25); // a class of 25 signs on one sheet
    for (const n of [1, 25, 26, 100, 2000]) {
      const pages = planPages(sections, n);
      sections.forEach((_, i) => {
        const mine = pages.filter((p) => p.section === i);
        expect(mine[0]?.first).toBe(true);
        expect(mine.slice(1).every((p) => !p.first)).toBe(true);
        expect(mine.reduce((k, p) => k + (p.to - p.from), 0)).toBe(n);
        mine.forEach((p, j) => expect(p.from).toBe(j === 0 ? 0 : mine[j - 1]?.to));
      });
    }
  });
});
