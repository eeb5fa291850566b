/**
 * Worker thread of pdf-roster-renderer.ts: loads pdfkit as soon as it starts (while the
 * main thread reads the lists), then draws roster PDFs on request.
 */
import { parentPort } from "node:worker_threads";
import type { PdfJob, PdfReply } from "./pdf-roster-renderer.js";
import { preloadPdfkit, writeRosterPdf } from "./pdf-roster.js";

const port = parentPort;
const ready = preloadPdfkit();

port?.on("message", async (job: PdfJob) => {
  let reply: PdfReply;
  try {
    await ready;
    reply = { id: job.id, pages: await writeRosterPdf(job.file, job.program, job.people, job.profile) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    reply = { id: job.id, error: { message: err instanceof Error ? err.message : String(e), ...(err.code ? { code: err.code } : {}) } };
  }
  port.postMessage(reply);
});
