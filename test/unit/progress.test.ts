import { describe, expect, it } from "vitest";
import type { Program } from "../../src/domain/program.js";
import { countReporter, progressReporter } from "../../src/cli/progress.js";

function stream(isTTY: boolean): NodeJS.WriteStream & { out: string } {
  const s = { isTTY, out: "", write(t: string) { s.out += t; return true; } };
  return s as unknown as NodeJS.WriteStream & { out: string };
}
const program = { id: "p1" } as Program;

describe("progress lines", () => {
  it("show the percent of a big list once per step, and clear the line at the end", () => {
    const s = stream(true);
    const p = progressReporter(s);
    p?.update(1 << 20, 16 << 20, program);
    p?.update(1 << 20, 16 << 20, program);
    p?.update(8 << 20, 16 << 20, program);
    p?.done();
    expect(s.out).toBe("\rp1: 6%   \rp1: 50%   \r\x1b[K");
  });

  it("say nothing for small lists, small batches, or when stderr is not a terminal", () => {
    const s = stream(true);
    const p = progressReporter(s);
    p?.update(1000, 2000, program);
    p?.done();
    const c = countReporter(s, "p1");
    c?.update(1, 10);
    c?.done();
    expect(s.out).toBe("");
    expect(progressReporter(stream(false))).toBeUndefined();
    expect(countReporter(stream(false), "p1")).toBeUndefined();
  });

  it("draw a bar of items done", () => {
    const s = stream(true);
    const c = countReporter(s, "p1");
    c?.update(50, 100);
    c?.done();
    expect(s.out).toBe(`\rp1: [${"#".repeat(15)}${" ".repeat(15)}] 50/100\r\x1b[K`);
  });
});
