import { describe, expect, it } from "vitest";
import { reserveReason } from "../../src/domain/selection-types.js";
import { ByteArena, ByteWriter, decimalDigits, NumberedText } from "../../src/io/bytes.js";
import { csvCell } from "../../src/io/csv-write.js";
import { textCell } from "../../src/io/xlsx-roster.js";

describe("ByteWriter and ByteArena", () => {
  it("appends UTF-8 text and bytes, growing past its first size", () => {
    const w = new ByteWriter(16);
    const parts = ["Siti Rahayu", "Ni Ketut Ayu Ṣ", "José", "😀", "x".repeat(1000)];
    for (const p of parts) w.write(p);
    w.copy(Buffer.from("ABCDEF"), 2, 4);
    // short runs are copied byte by byte, long ones at once
    const long = Buffer.from("0123456789".repeat(40));
    w.copy(long, 3, 303);
    w.copy(long, 5, 5 + 128);
    expect(w.bytes().toString("utf8")).toBe(`${parts.join("")}CD${long.toString("utf8", 3, 303)}${long.toString("utf8", 5, 133)}`);
    expect(w.length).toBe(Buffer.byteLength(parts.join("")) + 2 + 300 + 128);
  });

  it("finds every text again by its number, however many there are", () => {
    const a = new ByteArena(8);
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? "" : `<c>${i} Ayu Ṣ ${"é".repeat(i % 5)}</c>`));
    for (const t of texts) a.add(t);
    expect(a.count).toBe(texts.length);
    for (const i of [0, 1, 2, 7, 1234, 4999]) expect(a.text(i)).toBe(texts[i]);
    const out = new ByteWriter();
    a.copyTo(1, out);
    a.copyTo(8, out);
    a.copyTo(7, out);
    expect(out.bytes().toString("utf8")).toBe(`${texts[1]}${texts[8]}`);
  });
});

describe("whole numbers", () => {
  it("writes each in decimal digits, small or beyond 32 bits, and counts its digits", () => {
    const numbers = [0, 1, 9, 10, 99, 100, 101, 98000, 100001, 999999, 2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 10 ** 15, Number.MAX_SAFE_INTEGER];
    const w = new ByteWriter(4);
    for (const n of numbers) {
      w.int(n);
      w.byte(0x2c);
      expect(decimalDigits(n), String(n)).toBe(String(n).length);
    }
    expect(w.bytes().toString("latin1")).toBe(`${numbers.join(",")},`);
  });
});

describe("texts written piece by piece", () => {
  it("gives the bytes of the whole text, ASCII or not, short or long", () => {
    const a = new ByteArena(4);
    const rows = [
      ["Siti Rahayu", "3514********0001", "P"],
      ["José", "Ṣ", "😀", ""],
      ["x".repeat(200), "é".repeat(70)],
      [],
    ];
    for (const cells of rows) {
      cells.forEach((c, k) => {
        if (k > 0) a.byte(0x2c);
        a.writeShort(c);
      });
      a.close();
    }
    rows.forEach((cells, i) => expect(a.text(i)).toBe(cells.join(",")));
  });
});

describe("NumberedText", () => {
  it("writes a text with a number at its end as the render would, for any key and number", () => {
    const renders: ((key: string, n: number) => string)[] = [
      (k, n) => csvCell(reserveReason(k, n), ","),
      (k, n) => csvCell(reserveReason(k, n), ";"),
      (k, n) => `${textCell(reserveReason(k, n))}</row>`,
    ];
    const keys = ["kursi penuh", 'kuota "disabilitas" penuh (2/2)', "kuota kecamatan Bangil penuh (2/2)", "kuota A & <B> penuh", "=1", "José; Ṣ", " x"];
    for (const render of renders) {
      const t = new NumberedText(render);
      for (const key of keys) {
        for (const n of [1, 7, 10, 11, 99999]) {
          const out = new ByteWriter(8);
          t.write(out, key, n);
          expect(out.bytes().toString("utf8")).toBe(render(key, n));
        }
      }
    }
  });
});
