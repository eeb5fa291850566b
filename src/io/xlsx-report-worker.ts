/**
 * Worker thread of xlsx-report-renderer.ts: loads exceljs as soon as it starts (while the
 * main thread reads the lists), then renders report workbooks on request.
 */
import { parentPort } from "node:worker_threads";
import type { XlsxJob, XlsxReply } from "./xlsx-report-renderer.js";
import { renderXlsx } from "./xlsx-report.js";

const port = parentPort;
const ready = import("exceljs").catch(() => undefined);

port?.on("message", async (job: XlsxJob) => {
  let reply: XlsxReply;
  try {
    await ready;
    const buf = await renderXlsx(job.tables, job.opts);
    // a buffer of its own can be handed over without a copy
    const bytes = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength ? buf : Buffer.from(buf);
    reply = { id: job.id, bytes };
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    return;
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
