import { describe, expect, it } from "vitest";
import { at, suppress } from "../../src/domain/suppression.js";

describe("small-count suppression", () => {
  it("primary: sensitive 1-4 only; zero and 5 shown; non-sensitive never primary", () => {
    const marks = suppress([0, 1, 4, 5, 3], [true, true, true, true, false], []);
    expect(marks).toEqual([undefined, "<5", "<5", undefined, undefined]);
  });

  it("a row whose public total would reveal its only hidden cell hides the smallest other cell", () => {
    // fisik 3, mental 7, sensorik 12, none 40 = 62 participants (public)
    const marks = suppress([3, 7, 12, 40], [true, true, true, false], [{ cells: [0, 1, 2, 3] }]);
    expect(marks).toEqual(["<5", "*", undefined, undefined]);
  });

  it("two hidden cells under one total need nothing more", () => {
    const marks = suppress([3, 2, 12, 40], [true, true, true, false], [{ cells: [0, 1, 2, 3] }]);
    expect(marks).toEqual(["<5", "<5", undefined, undefined]);
  });

  it("all other cells zero: a zero cell is hidden (last resort)", () => {
    const marks = suppress([3, 0, 0], [true, true, false], [{ cells: [0, 1, 2] }]);
    expect(marks).toEqual(["<5", "*", undefined]);
  });

  it("rows and a column total: secondary cells cascade until every total covers 0 or >= 2 hidden cells", () => {
    // 2 programs x (fisik, none), then the column-total row; row totals public.
    const values = [2, 30, 9, 20, 11, 50];
    const i = at(2);
    const sensitive = [true, false, true, false, true, false];
    const marks = suppress(values, sensitive, [
      { cells: [i(0, 0), i(0, 1)] },
      { cells: [i(1, 0), i(1, 1)] },
      { cells: [i(2, 0), i(2, 1)] },
      { cells: [i(0, 0), i(1, 0)], total: i(2, 0) },
      { cells: [i(0, 1), i(1, 1)], total: i(2, 1) },
    ]);
    // row 0: 2 hidden -> 30 hidden too; column 0: 9 hidden; row 1: 20 hidden; column 1 has 2 hidden.
    expect(marks).toEqual(["<5", "*", "*", "*", undefined, undefined]);
    for (const c of [[0, 1], [2, 3], [0, 2], [1, 3]]) {
      expect(c.filter((k) => marks[k as number]).length).not.toBe(1);
    }
  });

  it("a single data cell under a shown total: the total is hidden", () => {
    expect(suppress([3, 3], [true, true], [{ cells: [0], total: 1 }])).toEqual(["<5", "<5"]);
    expect(suppress([3, 9], [true, false], [{ cells: [0], total: 1 }])).toEqual(["<5", "*"]);
  });

  it("nothing small: nothing hidden", () => {
    expect(suppress([5, 0, 9], [true, true, true], [{ cells: [0, 1, 2] }])).toEqual([undefined, undefined, undefined]);
  });

  it("never hides a cell that a shown total of 0 proves to be 0", () => {
    // row A: fisik 0, none 0, adding up to a shown 0; row B: fisik 2, none 7
    const withZeroTotal = suppress([0, 0, 2, 7, 0], [true, false, true, false, false], [
      { cells: [0, 1], total: 4 }, // row A adds up to a shown 0
      { cells: [2, 3] },
      { cells: [0, 2] },
      { cells: [1, 3] },
    ]);
    expect(withZeroTotal[0]).toBeUndefined();
    expect(withZeroTotal[2]).toBe("<5");
  });

  it("prefers a secondary cell that starts no new cascade", () => {
    // row: fisik 3 (<5), mental 0, none 9; column mental already has a hidden cell (mental 2 below)
    const values = [3, 0, 9, 0, 2, 8];
    const marks = suppress(values, [true, true, false, true, true, false], [
      { cells: [0, 1, 2] },
      { cells: [3, 4, 5] },
      { cells: [0, 3] },
      { cells: [1, 4] },
      { cells: [2, 5] },
    ]);
    expect(marks).toEqual(["<5", "*", undefined, "*", "<5", undefined]);
  });
});
