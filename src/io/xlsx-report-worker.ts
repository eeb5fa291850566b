/**
 * Worker thread of xlsx-report-renderer.ts. While the main thread reads the lists, it loads
 * exceljs and renders a throw-away workbook a few times: the first workbook of a process
 * takes about three times as long as later ones (exceljs's code is compiled as it is used),
 * and this way the report's is a later one. Then it renders report workbooks on request.
 */
import { parentPort } from "node:worker_threads";
import type { Table } from "../report/table.js";
import type { XlsxJob, XlsxReply } from "./xlsx-report-renderer.js";
import { renderXlsx } from "./xlsx-report.js";

/**
 * Every kind of cell the report writes (text, numbers, rupiah, percents, row and column
 * formulas, hidden counts), about as many as a year of 200 programs: enough calls for the
 * compiler to optimise the code the report's workbook goes through.
 */
const KINDS = ["text", "int", "rp", "pct", "int", "rp", "int", "int", "rp", "pct", "int", "text"] as const;
const WARM_UP: Table[] = [
  {
    id: "contoh",
    title: "Contoh",
    columns: KINDS.map((kind, i) => ({ header: `Kolom contoh ${i + 1}`, kind, width: kind === "text" ? 30 : 12 })),
    rows: Array.from({ length: 300 }, (_, r) =>
      KINDS.map((kind, i) => (kind === "text" ? `Pelatihan contoh nomor ${r + 1} kolom ${i}` : r % 9 === 0 && i === 4 ? { hidden: "<5" } : r * 10 + i)),
    ),
    footer: [{ cells: KINDS.map((kind, i) => (kind === "text" ? "Jumlah" : 1000 + i)), sum: true }],
    rowFormulas: KINDS.map((kind, i) => (i === 3 ? { pct: [1, 2] } : i === 6 ? { sum: [1, 5] } : undefined)),
    notes: ["catatan contoh"],
  },
];

const port = parentPort;
async function warmUp(): Promise<void> {
  for (let i = 0; i < 3; i++) await renderXlsx(WARM_UP, { title: "contoh", when: new Date(0) });
}
const ready = warmUp().catch(() => undefined);

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
