import { describe, expect, it } from "vitest";
import { NICER, niceThread } from "../../src/io/pdf-roster-thread.js";

/** getPriority/setPriority as niceThread calls them, recording the calls. */
function fakeOs(base: number, fail = false) {
  const set: [number, number][] = [];
  return {
    set,
    os: {
      getPriority: (pid?: number) => {
        expect(pid).toBe(0);
        return base;
      },
      setPriority: (pid: number, priority?: number) => {
        if (fail) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
        set.push([pid, priority as number]);
      },
    },
  };
}

describe("niceThread", () => {
  it("makes the calling thread nicer than it was, on Linux only", () => {
    const linux = fakeOs(0);
    expect(niceThread("linux", linux.os)).toBe(true);
    expect(linux.set).toEqual([[0, NICER]]);
    // elsewhere the call would set the whole process's priority
    for (const platform of ["win32", "darwin", "freebsd"]) {
      const other = fakeOs(0);
      expect(niceThread(platform, other.os)).toBe(false);
      expect(other.set).toEqual([]);
    }
  });

  it("starts from the priority the process runs at, and stays within the nicest value", () => {
    const niced = fakeOs(10);
    niceThread("linux", niced.os);
    expect(niced.set).toEqual([[0, 10 + NICER]]);
    const nicest = fakeOs(17);
    niceThread("linux", nicest.os);
    expect(nicest.set).toEqual([[0, 19]]);
  });

  it("draws at the same priority when the change is not allowed", () => {
    expect(niceThread("linux", fakeOs(0, true).os)).toBe(false);
  });
});
