/**
 * Roster PDFs drawn by a worker thread, so that the main thread writes the CSV and XLSX
 * meanwhile (the PDF of a provincial roster takes about as long as both). The worker is
 * started before the lists are read and loads pdfkit then. Without a built worker (tests
 * on the sources, one core) the PDF is drawn in this thread.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Program } from "../domain/program.js";
import type { Profile } from "../report/roster-table.js";
import type { PdfPerson } from "./pdf-roster.js";
import { builtWorkerScript } from "./worker-script.js";

export interface PdfJob {
  id: number;
  file: string;
  program: Program;
  people: readonly PdfPerson[];
  profile: Profile;
}

export type PdfReply = { id: number; pages: number } | { id: number; error: { message: string; code?: string } };

export interface RosterPdfRenderer {
  /** Writes the PDF to `file`; resolves with its page count. */
  render(file: string, program: Program, people: readonly PdfPerson[], profile: Profile): Promise<number>;
  close(): Promise<void>;
}

function workerScript(): string | undefined {
  return builtWorkerScript(new URL("./pdf-roster-worker.js", import.meta.url));
}

export function rosterPdfRenderer(): RosterPdfRenderer {
  const script = availableParallelism() >= 2 ? workerScript() : undefined;
  if (!script) {
    return {
      render: async (file, program, people, profile) => (await import("./pdf-roster.js")).writeRosterPdf(file, program, people, profile),
      close: async () => undefined,
    };
  }
  const w = new Worker(script);
  // idle until a job comes: it does not keep the process alive
  w.unref();
  const pending = new Map<number, { resolve(pages: number): void; reject(e: Error): void }>();
  let next = 0;
  const failAll = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on("message", (m: PdfReply) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (!p) return;
    if ("pages" in m) p.resolve(m.pages);
    else p.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
  });
  w.on("error", failAll);
  w.on("exit", (code) => failAll(new Error(`PDF worker stopped (exit ${code})`)));
  return {
    render(file, program, people, profile) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, file, program, people, profile } satisfies PdfJob);
      });
    },
    close: async () => {
      await w.terminate();
    },
  };
}
