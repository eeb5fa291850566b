/** Worker thread of certificate-pdf.ts: loads the template once, renders PDFs on request. */
import { parentPort, workerData } from "node:worker_threads";
import type { CertificateFields } from "../domain/certificate-types.js";
import { UserError } from "../errors.js";
import { renderOne } from "./certificate-render-core.js";
import { loadTemplate, type ParsedTemplate } from "./certificate-template.js";
import type { WorkerReply } from "./certificate-pdf.js";

const port = parentPort;
const template = loadTemplate((workerData as { template: string }).template) as Promise<ParsedTemplate>;

port?.on("message", async (m: { id: number; fields: CertificateFields }) => {
  let reply: WorkerReply;
  try {
    const out = await renderOne(await template, m.fields);
    // a buffer of its own can be handed over without a copy
    const bytes = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : new Uint8Array(out);
    reply = { id: m.id, bytes };
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    return;
  } catch (e) {
    const u = e instanceof UserError ? e : undefined;
    reply = { id: m.id, error: { message: e instanceof Error ? e.message : String(e), ...(u ? { code: u.code, ...(u.file ? { file: u.file } : {}) } : {}) } };
  }
  port.postMessage(reply);
});
