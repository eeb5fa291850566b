/**
 * The report workbook rendered by a worker thread started with the command: it loads
 * exceljs (about 0.12 s) while the lists are read, and renders while this thread writes
 * the other formats. Without a built worker (tests on the sources) or with one core, it is
 * rendered in this thread.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Table } from "../report/table.js";
import { builtWorkerScript } from "./worker-script.js";

export interface XlsxOptions {
  title: string;
  when: Date;
  notices?: string[];
}

export interface XlsxJob {
  id: number;
  tables: Table[];
  opts: XlsxOptions;
}

export type XlsxReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

export interface XlsxRenderer {
  render(tables: Table[], opts: XlsxOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

function workerScript(): string | undefined {
  return builtWorkerScript(new URL("./xlsx-report-worker.js", import.meta.url));
}

export function xlsxReportRenderer(): XlsxRenderer {
  const script = availableParallelism() >= 2 ? workerScript() : undefined;
  if (!script) {
    return {
      render: async (tables, opts) => (await import("./xlsx-report.js")).renderXlsx(tables, opts),
      close: async () => undefined,
    };
  }
  const w = new Worker(script);
  // until a job comes it does not keep the process alive
  w.unref();
  const pending = new Map<number, { resolve(b: Uint8Array): void; reject(e: Error): void }>();
  let next = 0;
  const failAll = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on("message", (m: XlsxReply) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (!p) return;
    if ("bytes" in m) p.resolve(m.bytes);
    else p.reject(new Error(m.error));
  });
  w.on("error", failAll);
  w.on("exit", (code) => failAll(new Error(`XLSX worker stopped (exit ${code})`)));
  return {
    render(tables, opts) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, tables, opts } satisfies XlsxJob);
      });
    },
    close: async () => {
      await w.terminate();
    },
  };
}
