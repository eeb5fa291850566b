/**
 * Worker thread of pdf-roster-thread.ts: draws roster PDFs while the main thread builds the
 * CSV and XLSX. It does nothing before its first job: warming pdfkit up while the main
 * thread reads the list was measured, and slows the reading more than it saves.
 */
import { parentPort } from "node:worker_threads";
import { niceThread, type PdfMessage, type PdfReply } from "./pdf-roster-thread.js";
import { writeRosterPdf } from "./pdf-roster.js";

// nicer than the main thread (Linux): see niceThread
niceThread();
const port = parentPort;
// one document at a time, in the order posted: each reply says which job it answers
let queue: Promise<void> = Promise.resolve();

async function draw({ id, job }: PdfMessage): Promise<void> {
  let reply: PdfReply;
  try {
    reply = { id, pages: await writeRosterPdf(job.file, job.program, job.people, job.profile) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    reply = { id, error: { message: err instanceof Error ? err.message : String(e), ...(err.code ? { code: err.code } : {}) } };
  }
  port?.postMessage(reply);
}

port?.on("message", (m: PdfMessage) => {
  queue = queue.then(() => draw(m));
});
