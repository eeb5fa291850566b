/** What the bundle's shims (scripts/lazy/) assume of the packages they stand in for. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("scripts/lazy/unicode-properties.js", () => {
  it("answers isMark for characters below U+0300 without the tables: none of them is a mark", () => {
    const props = require("unicode-properties") as { isMark(c: number): boolean };
    const marks = [];
    for (let c = 0; c < 0x300; c++) if (props.isMark(c)) marks.push(c);
    expect(marks).toEqual([]);
    // the first combining diacritical mark is one
    expect(props.isMark(0x300)).toBe(true);
  });
});
