import { describe, expect, it } from "vitest";
import { CODES, finding, type Code } from "../../src/domain/findings.js";
import { formatFinding } from "../../src/report/messages.js";

const ARGS = {
  nik: "3514********0001", reason: "length", length: 15, value: "x", suggestion: "Bangil", first: 2, column: "nik",
  header: "Kecamatn", count: 3, total: 2, min: 1, max: 2, district: "Bangil", covered: 1, code: "NIK_FORMAT", shown: 1,
  kind: "ragged", expected: 5, got: 3, message: "sintaks salah / bad syntax", id: "x", other: "p", sex: "P", region: "35.15", age: 17,
  date: "1985-01-12", line: 3, offset: 10,
};

describe("messages", () => {
  it.each(Object.keys(CODES) as Code[])("%s has words in Indonesian and English", (code) => {
    const f = finding(code, "a.csv", { line: 2, field: "nik" }, ARGS);
    const id = formatFinding(f, "id");
    const en = formatFinding(f, "en");
    expect(id.length).toBeGreaterThan(5);
    expect(en.length).toBeGreaterThan(5);
    expect(id).not.toContain("undefined");
    expect(en).not.toContain("undefined");
  });

  it("never shows more of a NIK than the masked form it was given", () => {
    const f = finding("NIK_DUPLICATE", "a.csv", { line: 3 }, { nik: "3514********0001", first: 2 });
    expect(formatFinding(f, "en")).toBe("NIK 3514********0001 already appears at line 2");
  });
});
