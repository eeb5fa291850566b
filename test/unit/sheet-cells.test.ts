import fc from "fast-check";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ByteWriter } from "../../src/io/bytes.js";
import { csvCell } from "../../src/io/csv-write.js";
import { SheetCells, textCell } from "../../src/io/xlsx-roster.js";
import { DeflateWriter } from "../../src/io/zip-write.js";

/** The cells as the sheet has them when each is rendered from its text (textCell), the first without "<c". */
const expected = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? textCell(c).slice(2) : textCell(c))).join("");

function fromCsv(cells: readonly string[], delimiter: string): string {
  const row = Buffer.from(cells.map((c) => csvCell(c, delimiter)).join(delimiter), "utf8");
  // the row sits between other bytes, as in the arena
  const src = Buffer.concat([Buffer.from('"x"'), row, Buffer.from('"y""')]);
  const out = new ByteWriter(8);
  new SheetCells(delimiter).write(out, src, 3, 3 + row.length);
  return out.bytes().toString("utf8");
}

// texts that need each kind of care: quotes, delimiters, markup, formulas, spaces, control characters, not ASCII
const tricky = fc.constantFrom("", " ", "a", "Siti Rahayu", '"', '""x"', "a,b", "a;b", "&", "<b>", "=1+1", "+62", "-5", "@x", "\tx", "x\r\ny", " x", "x ", "A\u0001B", "José", "Ṣ", "😀", "\uFFFE", "\u00A0x", "3514********0001");
const cell = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.array(tricky, { maxLength: 4 }).map((a) => a.join("")));

describe("SheetCells", () => {
  it("makes from a row's CSV cells exactly the cells textCell makes from the texts themselves", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), fc.constantFrom(",", ";"), (cells, d) => {
        expect(fromCsv(cells, d)).toBe(expected(cells));
      }),
      { numRuns: 2000 },
    );
  });

  it("copies plain cells and writes empty ones as empty cells", () => {
    expect(fromCsv(["Siti", "", "Bangil"], ",")).toBe(' s="2" t="inlineStr"><is><t>Siti</t></is></c><c s="2"/><c s="2" t="inlineStr"><is><t>Bangil</t></is></c>');
    expect(fromCsv([""], ",")).toBe(' s="2"/>');
  });
});

describe("DeflateWriter", () => {
  it("deflates in chunks that inflate as one stream to what was written, with its CRC", () => {
    const w = new DeflateWriter(1000);
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push(`<row r="${i}">Ayu Ṣ ${"é".repeat(i % 7)}</row>`);
    for (const p of parts) w.write(p);
    w.put(new Uint8Array([65, 66]));
    w.int(1234567);
    const { packed, size, crc } = w.finish();
    expect(packed.length).toBeGreaterThan(10);
    const text = `${parts.join("")}AB1234567`;
    const back = inflateRawSync(Buffer.concat(packed));
    expect(back.toString("utf8")).toBe(text);
    expect(size).toBe(Buffer.byteLength(text));
    expect(crc).toBe(crcOf(back));
  });
});

/** CRC-32 as zip has it, bit by bit. */
function crcOf(b: Buffer): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
