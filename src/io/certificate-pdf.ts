/**
 * Certificate PDFs from a template. Individual PDFs are rendered by worker threads (one
 * per core beyond the first, 1 to 2; each parses the template and its fonts once) while the
 * caller's thread writes the merged PDF; with `workers: 0`, or when the worker script is
 * not built (tests run from the TypeScript sources), everything runs in this thread and
 * gives the same bytes.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CertificateFields } from "../domain/certificate-types.js";
import { UserError } from "../errors.js";
import { missingGlyph, openMergedCore, renderOne } from "./certificate-render-core.js";
import { loadTemplate, type CertificateTemplate, type ParsedTemplate } from "./certificate-template.js";
import { builtWorkerScript } from "./worker-script.js";

export interface MergedWriter {
  add(fields: CertificateFields): Promise<void>;
  finish(): Promise<void>;
}

export interface CertificateRenderer {
  /** First character of any field that the template's fonts cannot draw, or undefined. */
  missingGlyph(fields: CertificateFields): { field: string; char: string } | undefined;
  /** One certificate as a complete, deterministic PDF (same fields -> same bytes). */
  render(fields: CertificateFields): Promise<Uint8Array>;
  /** A merged PDF for printing, written page by page (bounded memory) to `path`. */
  openMerged(path: string): Promise<MergedWriter>;
  close(): Promise<void>;
}

/** What a worker sends back. */
export type WorkerReply = { id: number; bytes: Uint8Array } | { id: number; error: { message: string; code?: string; file?: string } };

interface Pending {
  resolve(b: Uint8Array): void;
  reject(e: unknown): void;
}

class Pool {
  private readonly workers: { w: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(script: string, template: string, n: number) {
    for (let i = 0; i < n; i++) {
      const w = new Worker(script, { workerData: { template } });
      const slot = { w, busy: 0 };
      w.on("message", (r: WorkerReply) => {
        slot.busy--;
        const p = this.pending.get(r.id);
        this.pending.delete(r.id);
        if (!p) return;
        if ("bytes" in r) p.resolve(r.bytes);
        else if (r.error.code) p.reject(new UserError(r.error.code, r.error.message, r.error.file ? { file: r.error.file } : {}));
        else p.reject(new Error(r.error.message));
      });
      w.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(slot);
    }
  }

  render(fields: CertificateFields): Promise<Uint8Array> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.next++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.w.postMessage({ id, fields });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

function workerScript(): string | undefined {
  return builtWorkerScript(new URL("./certificate-worker.js", import.meta.url));
}

export async function createRenderer(template: CertificateTemplate, opts: { workers?: number } = {}): Promise<CertificateRenderer> {
  const t = ("graphics" in template ? template : await loadTemplate(template.path)) as ParsedTemplate;
  // the caller's thread draws the merged PDF meanwhile: on 2 cores one worker was fastest
  const wanted = opts.workers ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const script = wanted > 0 ? workerScript() : undefined;
  const pool = script ? new Pool(script, t.path, wanted) : undefined;
  return {
    missingGlyph: (f) => missingGlyph(t, f),
    render: (f) => (pool ? pool.render(f) : renderOne(t, f)),
    openMerged: (path) => openMergedCore(t, path),
    close: async () => {
      await pool?.close();
    },
  };
}
