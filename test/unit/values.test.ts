import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  cleanName, parseAttendance, parseDisabilities, parseNib, parsePhone, parseScore, parseSex, parseYesNo,
} from "../../src/domain/values.js";

describe("parseSex", () => {
  it.each([
    ["L", "L"], ["l", "L"], [" L ", "L"], ["Laki-laki", "L"], ["LAKI-LAKI", "L"], ["Laki laki", "L"],
    ["laki  laki", "L"], ["Lelaki", "L"], ["Pria", "L"], ["Male", "L"],
    ["P", "P"], ["p", "P"], ["Perempuan", "P"], ["PEREMPUAN ", "P"], ["Wanita", "P"], ["female", "P"],
    ["", undefined], ["   ", undefined],
  ])("%j -> %s", (raw, value) => {
    expect(parseSex(raw)).toEqual({ ok: true, value });
  });
  it.each(["M", "F", "W", "X", "Laki", "LakiLaki", "1", "2", "-", "pr ia"])("%j fails", (raw) => {
    expect(parseSex(raw)).toEqual({ ok: false });
  });
});

describe("parseDisabilities", () => {
  it.each([
    ["fisik", ["fisik"]],
    ["Fisik", ["fisik"]],
    ["daksa", ["fisik"]],
    ["Tuna Daksa", ["fisik"]],
    ["tunadaksa", ["fisik"]],
    ["tuna-daksa", ["fisik"]],
    ["Disabilitas Fisik", ["fisik"]],
    ["intelektual", ["intelektual"]],
    ["grahita", ["intelektual"]],
    ["Tunagrahita", ["intelektual"]],
    ["tuna grahita", ["intelektual"]],
    ["mental", ["mental"]],
    ["Psikososial", ["mental"]],
    ["netra", ["netra"]],
    ["tunanetra", ["netra"]],
    ["Tuna Netra", ["netra"]],
    ["sensorik netra", ["netra"]],
    ["Sensorik-Netra", ["netra"]],
    ["rungu", ["rungu"]],
    ["tunarungu", ["rungu"]],
    ["tuli", ["rungu"]],
    ["wicara", ["wicara"]],
    ["tunawicara", ["wicara"]],
    ["bisu", ["wicara"]],
    ["tunarungu wicara", ["rungu", "wicara"]],
    ["netra, fisik", ["fisik", "netra"]],
    ["netra;fisik", ["fisik", "netra"]],
    ["netra / fisik", ["fisik", "netra"]],
    ["netra+fisik", ["fisik", "netra"]],
    ["Netra dan Fisik", ["fisik", "netra"]],
    ["tuna daksa DAN tuna netra", ["fisik", "netra"]],
    ["wicara, rungu, mental, intelektual, netra, fisik", ["fisik", "intelektual", "mental", "netra", "rungu", "wicara"]],
    ["fisik, daksa, tunadaksa", ["fisik"]],
    ["fisik,,netra,", ["fisik", "netra"]],
    ["fisik, -", ["fisik"]],
    ["", []],
    ["  ", []],
    ["-", []],
    ["tidak ada", []],
    ["Tidak Ada", []],
    ["tidak", []],
    ["none", []],
    ["non", []],
    ["0", []],
    ["Non Disabilitas", []],
  ])("%j -> %j", (raw, values) => {
    expect(parseDisabilities(raw)).toEqual({ ok: true, values });
  });
  it.each([
    ["ganda", "ganda"],
    ["Ganda", "Ganda"],
    ["sensorik", "sensorik"],
    ["fisik, ganda", "ganda"],
    ["fisik, sensorik", "sensorik"],
    ["fisik dan kaki", "kaki"],
    ["buta", "buta"],
    ["fisik ringan, netra", "fisik ringan"],
    ["netra, autis, x", "autis"],
    ["dan", "dan"],
    ["disabilitas", "disabilitas"],
  ])("%j fails at %j", (raw, bad) => {
    expect(parseDisabilities(raw)).toEqual({ ok: false, bad });
  });
});

describe("parseAttendance", () => {
  it.each([
    ["H", true], ["h", true], ["Hadir", true], ["HADIR", true], ["1", true], ["ya", true], ["Y", true],
    ["v", true], ["V", true], ["✓", true], ["√", true], ["✔", true], [" H ", true],
    ["I", false], ["S", false], ["A", false], ["izin", false], ["Ijin", false], ["sakit", false],
    ["alpa", false], ["Alpha", false], ["0", false], ["tidak", false], ["t", false], ["x", false],
    ["X", false], ["-", false], ["", false], ["  ", false], ["tidak hadir", false],
    ["2", undefined], ["hadi", undefined], ["?", undefined], ["H H", undefined], ["1.0", undefined],
  ])("%j -> %s", (raw, value) => {
    expect(parseAttendance(raw)).toBe(value);
  });
});

describe("parseYesNo", () => {
  it.each([
    ["ya", true], ["Ya", true], ["y", true], ["1", true], ["true", true], ["TRUE", true], ["v", true],
    ["sudah", true], ["Pernah", true],
    ["tidak", false], ["t", false], ["0", false], ["false", false], ["x", false], ["belum", false],
    ["-", false], ["", false], [" ", false],
    ["mungkin", undefined], ["2", undefined], ["yaa", undefined],
  ])("%j -> %s", (raw, value) => {
    expect(parseYesNo(raw)).toBe(value);
  });
});

describe("parsePhone", () => {
  it.each([
    ["081234567890", "081234567890"],
    ["0812-3456-7890", "081234567890"],
    ["0812 3456 7890", "081234567890"],
    ["0812.3456.7890", "081234567890"],
    ["(0343) 741234", "0343741234"],
    ["+6281234567890", "081234567890"],
    ["+62 812-3456-7890", "081234567890"],
    ["+62 (0)812 3456 7890", "081234567890"],
    ["6281234567890", "081234567890"],
    ["81234567890", "081234567890"],
    ["'081234567890", "081234567890"],
    ["034374123", "034374123"],
    ["08123456789012", "08123456789012"],
  ])("%j -> %s", (raw, value) => {
    expect(parsePhone(raw)).toEqual({ ok: true, value });
  });
  it.each(["", "  ", "-"])("%j is empty", (raw) => {
    expect(parsePhone(raw)).toEqual({ ok: true });
  });
  it.each([
    "0812345", "081234567890123", "8.12346E+10", "0812-3456-789O", "+1 555 123 4567", "12345678901",
    "+", "0812 / 0813", "++6281234567890", "0812+34567890", "tidak ada",
  ])("%j fails", (raw) => {
    expect(parsePhone(raw)).toEqual({ ok: false });
  });
});

describe("parseScore", () => {
  it.each([
    ["85", 85], ["85,5", 85.5], ["85.5", 85.5], ["0", 0], ["100", 100], ["100,0", 100], [" 70 ", 70],
    ["007", 7],
  ])("%j -> %d", (raw, value) => {
    expect(parseScore(raw)).toEqual({ ok: true, value });
  });
  it.each(["", "-", "  "])("%j is empty", (raw) => {
    expect(parseScore(raw)).toEqual({ ok: true });
  });
  it.each(["101", "100,5", "-1", "85,", ",5", "85%", "delapan", "1e2", "NaN", "Infinity"])(
    "%j fails", (raw) => {
      expect(parseScore(raw)).toEqual({ ok: false });
    },
  );
});

describe("parseNib", () => {
  it.each([
    ["1234567890123", "1234567890123"],
    [" 1234567890123 ", "1234567890123"],
    ["1234 5678 90123", "1234567890123"],
    ["123 4567 890 123", "1234567890123"],
    ["'1234567890123", "1234567890123"],
  ])("%j -> %s", (raw, value) => {
    expect(parseNib(raw)).toEqual({ ok: true, value });
  });
  it.each(["", "-", " "])("%j is empty", (raw) => {
    expect(parseNib(raw)).toEqual({ ok: true });
  });
  it.each(["123456789012", "12345678901234", "1.23457E+12", "1234-5678-90123", "12345678901a3", " 1234 "])(
    "%j fails", (raw) => {
      expect(parseNib(raw)).toEqual({ ok: false });
    },
  );
});

describe("cleanName", () => {
  it.each([
    ["Siti Aminah", "Siti Aminah", false, false],
    ["  Siti Aminah  ", "Siti Aminah", false, false],
    ["Siti  Aminah", "Siti Aminah", true, false],
    ["Siti\tAminah", "Siti Aminah", true, false],
    ["Siti\u00a0Aminah", "Siti Aminah", true, false],
    ["Siti \n Aminah", "Siti Aminah", true, false],
    ["Si\u200bti", "Siti", true, false],
    ["\ufeffSiti", "Siti", true, false],
    ["Siti\u0000", "Siti", true, false],
    ["Siti\u007f", "Siti", true, false],
    ["Siti\u0085Aminah", "Siti Aminah", true, false],
    ["Siti\u0090", "Siti", true, false],
    ["\u202eanimA itiS", "animA itiS", true, false],
    ["Siti \u2066Aminah\u2069", "Siti Aminah", true, false],
    ["Siti\u200e \u200fAminah", "Siti Aminah", true, false],
    ["Ma'ruf Amin", "Ma'ruf Amin", false, false],
    ["Ni Luh Putu Ayu Sri Wahyuningsih Pratiwi", "Ni Luh Putu Ayu Sri Wahyuningsih Pratiwi", false, false],
    ["Zoë Café", "Zoë Café", false, false],
    ["Tom & \"Jerry\"", "Tom & \"Jerry\"", false, false],
    ["<script>alert(1)</script>", "<script>alert(1)</script>", false, true],
    ["a > b", "a > b", false, true],
    ["\u200b\u200b", "", true, false],
    ["", "", false, false],
    ["A".repeat(150), "A".repeat(150), false, false],
    ["A".repeat(151), "A".repeat(151), false, true],
    ["😀".repeat(100), "😀".repeat(100), false, false],
  ])("%j -> %j changed=%s suspicious=%s", (raw, name, changed, suspicious) => {
    expect(cleanName(raw)).toEqual({ name, changed, suspicious });
  });
});

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[0-9 +().,;/'-]{0,20}$/),
);

const invisible = (s: string) =>
  Array.from(s).some((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
  });

describe("properties", () => {
  it("every parser gives a result for any string without throwing", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(typeof parseSex(s).ok).toBe("boolean");
        const d = parseDisabilities(s);
        if (!d.ok) expect(d.bad.length).toBeGreaterThan(0);
        expect([true, false, undefined]).toContain(parseAttendance(s));
        expect([true, false, undefined]).toContain(parseYesNo(s));
        const p = parsePhone(s);
        if (p.ok && p.value !== undefined) expect(p.value).toMatch(/^0\d{8,13}$/);
        const sc = parseScore(s);
        if (sc.ok && sc.value !== undefined) expect(sc.value >= 0 && sc.value <= 100).toBe(true);
        const n = parseNib(s);
        if (n.ok && n.value !== undefined) expect(n.value).toMatch(/^\d{13}$/);
      }),
      { numRuns: 3000 },
    );
  });

  it("cleanName leaves no invisible character, no double space, no outer space, and is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: fc.constantFrom("a", " ", "\t", "\u200b", "\u202e", "\u00a0", "\u0085", "\ufeff", "\u3000") })), (s) => {
        const r = cleanName(s);
        expect(invisible(r.name)).toBe(false);
        expect(r.name).not.toMatch(/\s\s/);
        expect(r.name).toBe(r.name.trim());
        expect(cleanName(r.name)).toEqual({ name: r.name, changed: false, suspicious: r.suspicious });
        // Unicode White_Space: what String#trim removes, plus NEL (U+0085).
        if (!r.changed) expect(r.name).toBe(s.replace(/^[\s\u0085]+|[\s\u0085]+$/g, ""));
      }),
      { numRuns: 3000 },
    );
  });

  it("a valid disability list parses to the same set in any order and spelling", () => {
    const words = ["Tuna Daksa", "grahita", "psikososial", "sensorik-netra", "tuli", "bisu"];
    fc.assert(
      fc.property(fc.subarray(words), fc.constantFrom(", ", ";", " / ", " + ", " dan "), (picked, sep) => {
        const forward = parseDisabilities(picked.join(sep));
        const backward = parseDisabilities([...picked].reverse().join(sep));
        expect(forward.ok).toBe(true);
        expect(backward).toEqual(forward);
        if (forward.ok) expect(forward.values).toHaveLength(picked.length);
      }),
    );
  });
});
