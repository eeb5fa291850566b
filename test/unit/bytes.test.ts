import { describe, expect, it } from "vitest";
import { ByteArena, ByteWriter } from "../../src/io/bytes.js";

describe("ByteWriter and ByteArena", () => {
  it("appends UTF-8 text and bytes, growing past its first size", () => {
    const w = new ByteWriter(16);
    const parts = ["Siti Rahayu", "Ni Ketut Ayu Ṣ", "José", "😀", "x".repeat(1000)];
    for (const p of parts) w.write(p);
    w.copy(Buffer.from("ABCDEF"), 2, 4);
    expect(w.bytes().toString("utf8")).toBe(`${parts.join("")}CD`);
    expect(w.length).toBe(Buffer.byteLength(parts.join("")) + 2);
  });

  it("finds every text again by its number, however many there are", () => {
    const a = new ByteArena(8);
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? "" : `<c>${i} Ayu Ṣ ${"é".repeat(i % 5)}</c>`));
    for (const t of texts) a.add(t);
    expect(a.count).toBe(texts.length);
    for (const i of [0, 1, 2, 7, 1234, 4999]) expect(a.text(i)).toBe(texts[i]);
    const out = new ByteWriter();
    a.copyTo(1, out, 2);
    a.copyTo(8, out);
    a.copyTo(7, out);
    expect(out.bytes().toString("utf8")).toBe(`${texts[1]?.slice(2)}${texts[8]}`);
  });
});
