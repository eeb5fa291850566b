/**
 * Worker thread of pdf-roster-thread.ts: draws roster PDFs while the main thread builds the
 * CSV and XLSX. It does nothing before its first job: warming pdfkit up while the main
 * thread reads the list was measured, and slows the reading more than it saves.
 */
import { parentPort } from "node:worker_threads";
import type { PdfJob, PdfReply } from "./pdf-roster-thread.js";
import { writeRosterPdf } from "./pdf-roster.js";

const port = parentPort;

port?.on("message", async (job: PdfJob) => {
  let reply: PdfReply;
  try {
    reply = { pages: await writeRosterPdf(job.file, job.program, job.people, job.profile) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    reply = { error: { message: err instanceof Error ? err.message : String(e), ...(err.code ? { code: err.code } : {}) } };
  }
  port.postMessage(reply);
});
