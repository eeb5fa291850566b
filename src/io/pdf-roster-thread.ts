/**
 * The roster PDF drawn on the second core (pdf-roster-worker.ts): the thread starts with the
 * command, so that it is up by the time the selection is made; each PDF is then drawn there
 * while the main thread builds the CSV and XLSX. Without a built worker script (tests on
 * the sources), without a second core, or with PELATIHAN_PDF_THREAD=0, the PDF is drawn on
 * the main thread.
 */
import { availableParallelism, getPriority, setPriority } from "node:os";
import { Worker } from "node:worker_threads";
import type { Program } from "../domain/program.js";
import type { PdfPerson, Profile } from "../report/roster-rows.js";
import { builtWorkerScript } from "./worker-script.js";

export interface PdfJob {
  /** Where to write the PDF (a temporary path: the caller renames it into place). */
  file: string;
  program: Program;
  people: PdfPerson[];
  profile: Profile;
}

/** A job as posted: numbered, so that its reply finds it. */
export interface PdfMessage {
  id: number;
  job: PdfJob;
}

export type PdfReply = { id: number } & ({ pages: number } | { error: { message: string; code?: string } });

/** How much nicer than the main thread the PDF thread runs (Linux). */
export const NICER = 5;

/**
 * Run by the PDF thread as it starts. On Linux a thread has a nice value of its own
 * (setpriority of the calling thread): the PDF thread, whose document the roster needs only
 * once its CSV and workbook are made, gives way to the main thread when both want a core
 * (100,000 applicants: 1-1.5% faster on 2 idle cores, the same beside a busy program; nicer
 * still was faster when idle but slower beside a busy program). Elsewhere the call would
 * set the whole process's priority, so it is not made. Returns whether it was made.
 */
export function niceThread(platform: string = process.platform, os = { getPriority, setPriority }): boolean {
  if (platform !== "linux") return false;
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + NICER));
    return true;
  } catch {
    // not allowed: the PDF is drawn at the same priority
    return false;
  }
}

export class PdfThread {
  /** Jobs posted and not answered yet, by number. */
  private readonly waiting = new Map<number, { resolve(pages: number): void; reject(e: Error): void }>();
  private next = 0;

  private constructor(private readonly worker: Worker | undefined) {
    if (!worker) return;
    worker.on("message", (m: PdfReply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if ("error" in m) w?.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
      else w?.resolve(m.pages);
    });
    const fail = (e: unknown): void => {
      const stopped = [...this.waiting.values()];
      this.waiting.clear();
      for (const w of stopped) w.reject(e instanceof Error ? e : new Error(`PDF thread stopped (${String(e)})`));
    };
    worker.on("error", fail);
    worker.on("exit", fail);
  }

  /** Starts the worker thread when there is one to start. */
  static start(): PdfThread {
    const script = builtWorkerScript(new URL("./pdf-roster-worker.js", import.meta.url));
    if (script === undefined || availableParallelism() < 2 || process.env.PELATIHAN_PDF_THREAD === "0") return new PdfThread(undefined);
    const w = new Worker(script);
    // idle, it does not keep the process alive (a run that stops early exits)
    w.unref();
    return new PdfThread(w);
  }

  /** Draws one PDF, posted at once (the thread draws one after another); resolves to its page count once it is all written. */
  draw(job: PdfJob): Promise<number> {
    const w = this.worker;
    if (!w) return import("./pdf-roster.js").then((m) => m.writeRosterPdf(job.file, job.program, job.people, job.profile));
    return new Promise<number>((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, job } satisfies PdfMessage);
    });
  }

  stop(): void {
    void this.worker?.terminate();
  }
}
