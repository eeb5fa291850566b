import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/io/csv-read.js";
import { CsvRecordReader } from "../../src/io/csv-records.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "csv-roundtrip-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const piece = fc.constantFrom("a", "Z", "7", " ", "é", "Ā", "😀", '"', ",", ";", "\t", "\n", "\r\n", "\r", "=", "0");
const cell = fc.array(piece, { maxLength: 6 }).map((p) => p.join(""));
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const eol = fc.constantFrom("\n", "\r\n", "\r");

const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    header: fc.array(name, { minLength: width, maxLength: width }),
    rows: fc.array(fc.record({ cells: fc.array(cell, { minLength: width, maxLength: width }), eol }), { maxLength: 8 }),
    headerEol: eol,
    delimiter: fc.constantFrom(",", ";", "\t"),
    quoteAll: fc.boolean(),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
  }),
);
type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

/** RFC 4180 writing; also quotes the other delimiters so a one-column table reads back whatever is detected. */
function record(cells: string[], delimiter: string, quoteAll: boolean): string {
  const quote = (c: string): boolean => quoteAll || /[",;\t\r\n]/.test(c) || (cells.length === 1 && c === "");
  return cells.map((c) => (quote(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

const breaks = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

/** The text, and every record (header first) with the line it starts on. */
function render(t: Table): { text: string; records: { cells: string[]; line: number }[] } {
  const all = [{ cells: t.header, eol: t.headerEol }, ...t.rows];
  let text = "";
  let line = 1;
  const records = all.map((r, i) => {
    const body = record(r.cells, t.delimiter, t.quoteAll);
    const start = line;
    line += breaks(body) + 1;
    text += body + (i < all.length - 1 || t.finalEol ? r.eol : "");
    return { cells: r.cells, line: start };
  });
  return { text, records };
}

const blank = (cells: string[]): boolean => cells.every((c) => /^[\s,;]*$/.test(c));

describe("round trip", () => {
  it("reads back every cell and each row's start line from RFC 4180 text", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const { text, records } = render(t);
        const path = join(dir, `t-${n++}.csv`);
        await writeFile(path, (t.bom ? "\uFEFF" : "") + text);
        const got: { cells: string[]; line: number }[] = [];
        const r = await readCsv(path, "t.csv", {
          onHeader: (cells, line) => void got.push({ cells, line }),
          onRow: (cells, line) => void got.push({ cells, line }),
        });
        expect(r.findings).toEqual([]);
        expect(r.info?.delimiter).toBe(t.header.length > 1 ? t.delimiter : ",");
        expect(got).toEqual(records.filter((x, i) => i === 0 || !blank(x.cells)));
        expect(r.rows).toBe(got.length - 1);
      }),
      { numRuns: 200 },
    );
  });

  it("splits records the same wherever the text is cut into chunks", () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        const { text, records } = render(t);
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const got: { cells: string[]; line: number }[] = [];
        const errors: string[] = [];
        const reader = new CsvRecordReader(t.delimiter, {
          record: (cells, line) => void got.push({ cells, line }),
          syntax: (kind) => void errors.push(kind),
        });
        let from = 0;
        for (const cut of [...at, text.length]) {
          reader.push(text.slice(from, cut));
          from = cut;
        }
        reader.end();
        expect(errors).toEqual([]);
        expect(got).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same records and located errors for any text, wherever it is cut", () => {
    const messy = fc.array(fc.constantFrom("a", " ", '"', '""', ",", ";", "\n", "\r\n", "\r", "é"), { maxLength: 40 });
    const events = (text: string, cuts: number[]): string[] => {
      const out: string[] = [];
      const reader = new CsvRecordReader(",", {
        record: (cells, line) => void out.push(`${line}:${JSON.stringify(cells)}`),
        syntax: (kind, line) => void out.push(`${line}:${kind}`),
      });
      let from = 0;
      for (const cut of [...cuts, text.length]) {
        reader.push(text.slice(from, cut));
        from = cut;
      }
      reader.end();
      return out;
    };
    fc.assert(
      fc.property(messy, fc.array(fc.nat(), { maxLength: 5 }), (parts, cuts) => {
        const text = parts.join("");
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const whole = events(text, []);
        expect(events(text, at)).toEqual(whole);
        const lines = whole.map((e) => Number(e.split(":")[0]));
        for (let i = 0; i < lines.length; i++) {
          expect(lines[i]).toBeGreaterThanOrEqual(i === 0 ? 1 : lines[i - 1]! + 1);
          expect(lines[i]).toBeLessThanOrEqual(breaks(text) + 1);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on arbitrary bytes: every problem is a finding", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
        const path = join(dir, `b-${n++}.csv`);
        await writeFile(path, bytes);
        let header = 0;
        const r = await readCsv(path, "b.csv", { onHeader: () => void header++, onRow: () => {} });
        expect(header).toBeLessThanOrEqual(1);
        const fatal = r.findings.some((f) => ["CSV_EMPTY", "CSV_ENCODING_INVALID"].includes(f.code));
        if (fatal) expect(header).toBe(0);
        for (const f of r.findings) if (f.code === "CSV_SYNTAX") expect(f.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
