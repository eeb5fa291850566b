import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNumber, numberSeries } from "../../src/domain/certificate-number.js";
import { Ledger, type LedgerEntry } from "../../src/io/ledger.js";
import { LEDGER_HEADER, splitLine } from "../../src/io/ledger-format.js";

const REPO = join(import.meta.dirname, "..", "..");
const PATTERN = "500.8.1/{seq:03}/424.083/{year}";
const clock = () => new Date("2022-11-11T08:00:00.000Z");

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "pelatihan-ledger-"));
}

/** What the certificates command does for a person: reuse the current number or issue the next. */
function issueFor(l: Ledger, program: string, nik: string, name: string, year = 2022): LedgerEntry {
  const have = l.current(program, nik);
  if (have) return have;
  const ctx = { year, month: 11, program };
  const series = numberSeries(PATTERN, ctx);
  const seq = l.nextSeq(series);
  const number = formatNumber(PATTERN, seq, ctx);
  const sha256 = createHash("sha256").update(number).digest("hex");
  const code = createHash("sha256").update(`c${number}`).digest("hex").slice(0, 16).toUpperCase().replace(/[ILOU]/g, "0").match(/.{4}/g)?.join("-") as string;
  l.issue({ number, series, seq, program, nik, name, kind: "sertifikat", issued: `${year}-11-11`, file: `${seq}-x.pdf`, sha256, code, token: `PLT1.${seq}` });
  return l.byNumber(number) as LedgerEntry;
}

const nik = (i: number) => `3514${String(i).padStart(12, "0")}`;

describe("Ledger basics", () => {
  it("creates the file with its header, issues, reopens with the same state, and releases its lock", async () => {
    const root = tmp();
    const l = await Ledger.open(root, { now: clock });
    expect(existsSync(`${Ledger.path(root)}.lock`)).toBe(true);
    const a = issueFor(l, "p", nik(1), "Ma'ruf, S.E.");
    const b = issueFor(l, "p", nik(2), '=HYPERLINK("x")');
    expect([a.number, b.number]).toEqual(["500.8.1/001/424.083/2022", "500.8.1/002/424.083/2022"]);
    await l.close();
    expect(existsSync(`${Ledger.path(root)}.lock`)).toBe(false);
    const text = readFileSync(Ledger.path(root), "utf8");
    expect(text.startsWith(LEDGER_HEADER)).toBe(true);
    expect(text).toContain(`"Ma'ruf, S.E."`);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`); // neutralised for Excel, read back exactly
    const again = await Ledger.open(root, { readOnly: true });
    expect(again.entries()).toEqual([a, b]);
    expect(again.byCode(a.code.toLowerCase())).toEqual(a);
  });

  it("a rerun is a no-op; a new person gets the next number; numbers of revoked certificates are never reused", async () => {
    const root = tmp();
    let l = await Ledger.open(root, { now: clock });
    for (let i = 1; i <= 3; i++) issueFor(l, "p", nik(i), `P${i}`);
    await l.close();
    const before = readFileSync(Ledger.path(root));
    l = await Ledger.open(root, { now: clock });
    for (let i = 1; i <= 3; i++) issueFor(l, "p", nik(i), `P${i}`);
    await l.close();
    expect(readFileSync(Ledger.path(root)).equals(before)).toBe(true);

    l = await Ledger.open(root, { now: clock });
    l.revoke("500.8.1/003/424.083/2022", "nama salah\nketik");
    expect(l.current("p", nik(3))).toBeUndefined();
    const again = issueFor(l, "p", nik(3), "P3");
    expect(again.number).toBe("500.8.1/004/424.083/2022");
    expect(issueFor(l, "p", nik(9), "P9").number).toBe("500.8.1/005/424.083/2022");
    expect(l.history("p", nik(3)).map((e) => [e.number, e.revoked?.reason])).toEqual([
      ["500.8.1/003/424.083/2022", "nama salah ketik"],
      ["500.8.1/004/424.083/2022", undefined],
    ]);
    expect(issueFor(l, "p", nik(1), "P1", 2023).number).toBe("500.8.1/001/424.083/2022"); // keeps the number
    expect(issueFor(l, "q", nik(1), "P1", 2023).number).toBe("500.8.1/001/424.083/2023"); // new series
    await l.close();
  });

  it("refuses a second number for one person, a duplicated number, unknown or twice revoked numbers", async () => {
    const l = await Ledger.open(tmp(), { now: clock });
    const a = issueFor(l, "p", nik(1), "A");
    expect(() => l.issue({ ...a, number: "other", seq: 2 })).toThrow(/sudah punya/);
    expect(() => l.issue({ ...a, nik: nik(2), seq: 2 })).toThrow(/sudah terbit/);
    expect(() => l.issue({ ...a, nik: nik(2), number: "other" })).toThrow(/sudah dipakai/);
    expect(() => l.revoke("nope", "x")).toThrow(/tidak ada/);
    expect(() => l.revoke(a.number, "  ")).toThrow(/wajib/);
    l.revoke(a.number, "x");
    expect(() => l.revoke(a.number, "y")).toThrow(/sudah dicabut/);
    l.updateFile(a.number, "1-baru.pdf", "f".repeat(64));
    expect(l.byNumber(a.number)).toMatchObject({ file: "1-baru.pdf", sha256: "f".repeat(64), revoked: { reason: "x", at: clock().toISOString() } });
    // the first file stays genuine after the certificate is re-created
    expect(l.byNumber(a.number)?.earlierSha256).toEqual([a.sha256]);
    await l.close();
  });

  it("a live lock stops a second run; a lock of a dead process is taken over", async () => {
    const root = tmp();
    const l = await Ledger.open(root);
    await expect(Ledger.open(root)).rejects.toMatchObject({ code: "LEDGER_LOCKED" });
    await l.close();
    writeFileSync(`${Ledger.path(root)}.lock`, `999999999 ${(await import("node:os")).hostname()}\n`);
    const m = await Ledger.open(root);
    await m.close();
  });

  it("a damaged middle line is an error naming the line", async () => {
    const root = tmp();
    const l = await Ledger.open(root, { now: clock });
    for (let i = 1; i <= 3; i++) issueFor(l, "p", nik(i), `P${i}`);
    await l.close();
    const lines = readFileSync(Ledger.path(root), "utf8").split("\n");
    lines[2] = (lines[2] as string).replace(",2,", ",dua,");
    writeFileSync(Ledger.path(root), lines.join("\n"));
    await expect(Ledger.open(root)).rejects.toMatchObject({ code: "LEDGER_INVALID", line: 3 });
    writeFileSync(Ledger.path(root), "nomor,nama\n");
    await expect(Ledger.open(root, { readOnly: true })).rejects.toMatchObject({ code: "LEDGER_INVALID", line: 1 });
  });
});

describe("Ledger properties", () => {
  type Op = { kind: "issue"; person: number; program: number } | { kind: "revoke"; pick: number } | { kind: "flush" } | { kind: "reopen" };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("issue" as const), person: fc.integer({ min: 1, max: 8 }), program: fc.integer({ min: 0, max: 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("revoke" as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ kind: "flush" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "reopen" as const }) },
  );

  it("any run of issues, revocations, flushes and reopenings: numbers unique, never reused, one current per person, state survives reopening", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const root = tmp();
        let l = await Ledger.open(root, { now: clock });
        for (const o of ops) {
          if (o.kind === "issue") {
            const prog = `p${o.program}`;
            const had = l.current(prog, nik(o.person));
            const e = issueFor(l, prog, nik(o.person), `N${o.person}`);
            if (had) expect(e.number).toBe(had.number);
          } else if (o.kind === "revoke") {
            const live = l.entries().filter((e) => !e.revoked);
            const e = live[o.pick % Math.max(1, live.length)];
            if (e) l.revoke(e.number, "r");
          } else if (o.kind === "flush") {
            await l.flush();
          } else {
            const state = l.entries();
            await l.close();
            l = await Ledger.open(root, { now: clock });
            expect(l.entries()).toEqual(state);
          }
        }
        const all = l.entries();
        await l.close();
        expect(new Set(all.map((e) => e.number)).size).toBe(all.length);
        // both programs share the series of the pattern: 1, 2, 3, ... in issue order, no gap, no reuse
        expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
        for (const p of ["p0", "p1"]) {
          const live = all.filter((e) => e.program === p && !e.revoked).map((e) => e.nik);
          expect(new Set(live).size).toBe(live.length);
        }
        expect((await Ledger.open(root, { readOnly: true })).entries()).toEqual(all);
      }),
      { numRuns: 40 },
    );
  });

  it("a file cut at any byte (a torn write) opens as the events whose lines are whole, and is repaired", async () => {
    const root = tmp();
    const l = await Ledger.open(root, { now: clock });
    for (let i = 1; i <= 4; i++) issueFor(l, "p", nik(i), `Dédé ${i}, "ok"`);
    l.revoke("500.8.1/002/424.083/2022", "dobel");
    await l.close();
    const full = readFileSync(Ledger.path(root));
    const whole = full.toString("utf8").split("\n").length - 2; // events
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: LEDGER_HEADER.length, max: full.length }), async (cut) => {
        const r = tmp();
        writeFileSync(Ledger.path(r), full.subarray(0, cut));
        const text = full.subarray(0, cut).toString("utf8");
        const complete = text.split("\n").length - 2;
        const m = await Ledger.open(r);
        const events = m.entries().length + m.entries().filter((e) => e.revoked).length;
        expect(events === complete || events === complete + 1).toBe(true); // +1: a last line cut only before its newline
        expect(m.repaired === undefined).toBe(cut === full.length || full[cut - 1] === 0x0a);
        issueFor(m, "p", nik(99), "baru");
        await m.close();
        const after = readFileSync(Ledger.path(r), "utf8");
        expect(after.endsWith("\n")).toBe(true);
        for (const line of after.trimEnd().split("\n")) expect(splitLine(line)).toHaveLength(15);
      }),
      { numRuns: 60 },
    );
    expect(whole).toBe(5);
  });
});

describe("kill and rerun", () => {
  const child = join(REPO, "test", "helpers", "ledger-child.js");

  function run(root: string, people: number, flush: number, killAfterFlushes?: number): Promise<{ out: string; killed: boolean }> {
    return new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [child, root, String(people), String(flush)], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      p.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (killAfterFlushes !== undefined && (out.match(/^flushed/gm)?.length ?? 0) >= killAfterFlushes) p.kill("SIGKILL");
      });
      p.stderr.on("data", (d: Buffer) => (err += d.toString()));
      p.on("error", reject);
      p.on("close", (code, signal) => (signal === "SIGKILL" || code === 0 ? resolve({ out, killed: signal === "SIGKILL" }) : reject(new Error(`child failed: ${code} ${err}`))));
    });
  }

  it("a run SIGKILLed while appending loses nothing flushed, duplicates nothing, and the rerun completes the batch", async () => {
    if (!existsSync(join(REPO, "dist", "io", "ledger.js"))) throw new Error("dist/ missing: run `npm run build` first");
    const root = tmp();
    const people = 400;
    const first = await run(root, people, 7, 5);
    expect(first.killed).toBe(true);
    const flushed = Math.max(...[...first.out.matchAll(/^flushed (\d+)/gm)].map((m) => Number(m[1])));
    const l = await Ledger.open(root, { readOnly: true });
    const mid = l.entries();
    expect(mid.length).toBeGreaterThanOrEqual(flushed);
    expect(mid.length).toBeLessThan(people);
    expect(mid.map((e) => e.seq)).toEqual(mid.map((_, i) => i + 1));
    for (const e of mid) {
      // a number in the register always has its whole file
      const body = readFileSync(join(root, "sertifikat", e.file));
      expect(createHash("sha256").update(body).digest("hex")).toBe(e.sha256);
    }

    const second = await run(root, people, 7);
    expect(second.out).toMatch(new RegExp(`^done ${people}$`, "m"));
    const final = (await Ledger.open(root, { readOnly: true })).entries();
    expect(final).toHaveLength(people);
    expect(final.slice(0, mid.length)).toEqual(mid); // issued numbers kept
    expect(new Set(final.map((e) => e.number)).size).toBe(people);
    expect(new Set(final.map((e) => e.nik)).size).toBe(people);
    expect(final.map((e) => e.seq)).toEqual(final.map((_, i) => i + 1));
    expect(readdirSync(join(root, "sertifikat")).sort()).toEqual(final.map((e) => e.file).sort()); // no orphan files
    expect(existsSync(`${Ledger.path(root)}.lock`)).toBe(false);
  });
});

describe("splitLine", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ['"Sri, S.Pd",x', ["Sri, S.Pd", "x"]],
    ['"Joko ""Jo""",', ['Joko "Jo"', ""]],
    ["'=SUM(A1),'-1", ["=SUM(A1)", "-1"]],
    ["", [""]],
    [",,", ["", "", ""]],
    ['"a', undefined],
    ['ab"c,d', undefined],
    ['"a"b,c', undefined],
  ] as const)("%j", (line, cells) => {
    expect(splitLine(line)).toEqual(cells);
  });
});
