/**
 * validate and report check NIKs for duplicates in batches (report's rows wait for their
 * batch before they are handed out); roster and certificates keep the rows and check each
 * NIK as it is read. All must find the same things and mark the same rows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Participant } from "../../src/domain/participant.js";
import { scanPrograms } from "../../src/pipeline/scan.js";
import { openWorkspace } from "../../src/pipeline/workspace.js";
import { H, list, QUOTA, capsRows } from "../helpers/lists.js";
import { makeWorkspace } from "../helpers/workspace.js";

async function bothModes(cwd: string): Promise<void> {
  const ws = await openWorkspace([], { cwd });
  const batched = await scanPrograms(ws);
  const inline = await scanPrograms(ws, { keep: true });
  const handedOut: Participant[] = [];
  const streamed = await scanPrograms(ws, { onParticipant: (p) => handedOut.push(p) });
  expect(batched.map((r) => r.participants.length)).toEqual(batched.map(() => 0));
  const view = (rs: typeof batched) => rs.map(({ findings, errors, warnings, rows, inProgram, coverage }) => ({ findings, errors, warnings, rows, inProgram, coverage }));
  expect(view(batched)).toEqual(view(inline));
  expect(view(streamed)).toEqual(view(inline));
  // rows handed out, in order, carry the same marks as the rows kept
  expect(handedOut).toEqual(inline.flatMap((r) => r.participants));
  // the rows kept carry the duplicate mark that the findings give
  for (const r of inline) {
    const marked = r.participants.filter((p) => p.errors.includes("NIK_DUPLICATE")).map((p) => p.line);
    const found = r.findings.filter((f) => f.code === "NIK_DUPLICATE").map((f) => f.line);
    expect(marked.slice(0, found.length)).toEqual(found);
  }
}

describe("batched and per-row duplicate checks agree", () => {
  it("generated lists, two programs of one year", async () => {
    await fc.assert(
      fc.asyncProperty(list, list, async (a, b) => {
        const text = (l: { lines: string[]; eol: string }) => [H, ...l.lines].join(l.eol) + l.eol;
        await bothModes(makeWorkspace([
          { id: "a", list: text(a), yaml: QUOTA },
          { id: "b", list: text(b), yaml: "quota:\n  total: 100\n" },
        ]));
      }),
      { numRuns: 25 },
    );
  });

  it("long stretches of rows without a valid NIK are handed out in bounded groups, marks intact", async () => {
    const rows = capsRows().map((r, i) => (i % 4000 < 2500 ? r.replace(/^\d+/, "123") : r));
    await bothModes(makeWorkspace([{ id: "a", list: `${H}\n${[...rows, ...rows, ...rows].join("\n")}\n`, yaml: QUOTA }]));
  });

  it("thousands of duplicates over several batches: the first 1,000 kept, all counted", async () => {
    const rows = [...capsRows(), ...capsRows(), ...capsRows()];
    const cwd = makeWorkspace([{ id: "a", list: `${H}\n${rows.join("\n")}\n`, yaml: QUOTA }]);
    await bothModes(cwd);
    const [r] = await scanPrograms(await openWorkspace([], { cwd }));
    const dups = r?.findings.filter((f) => f.code === "NIK_DUPLICATE") ?? [];
    const truncated = r?.findings.find((f) => f.code === "FINDINGS_TRUNCATED" && f.args.code === "NIK_DUPLICATE");
    expect(dups).toHaveLength(1000);
    // 3 x 4,000 rows whose NIKs come from a pool of 40 and a set of 99: all but 139 repeat
    expect(truncated?.args).toMatchObject({ shown: 1000, total: 3 * 4000 - 40 - 99 });
  });
});
