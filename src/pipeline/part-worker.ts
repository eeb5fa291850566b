/**
 * The worker thread that checks the second part of a big list (scan-worker.ts, used by
 * scan.ts), started as soon as scanList knows it will split, before the header is read.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { builtWorkerScript } from "../io/worker-script.js";
import type { PartJob, PartResult } from "./scan-worker.js";

export function workerScript(): string | undefined {
  return builtWorkerScript(new URL("./scan-worker.js", import.meta.url));
}

/** Whether a list can be read in two parts here: two cores and a built worker. */
export function canSplit(): boolean {
  return availableParallelism() >= 2 && workerScript() !== undefined;
}

export interface SecondPart {
  /** Its result, undefined if the worker failed. */
  done: Promise<PartResult | undefined>;
  /** Set when the main thread took the result (lines already made absolute). */
  taken?: PartResult;
  stop(): void;
}

export interface PartWorker {
  /** Sends the job (once): the part's result comes back through `done`. */
  start(job: PartJob): SecondPart;
  stop(): void;
}

/**
 * A worker thread waiting for its job. Until it has one it does not keep the process
 * alive (a run that ends early exits even if nothing stopped it).
 */
export function spawnPart(): PartWorker {
  const w = new Worker(workerScript() as string);
  w.unref();
  let failed = false;
  w.once("error", () => (failed = true));
  w.once("exit", () => (failed = true));
  const stop = (): void => void w.terminate();
  return {
    start(job) {
      // a "message" listener refs the worker's port: added only now
      const done = new Promise<PartResult | undefined>((resolve) => {
        if (failed) return resolve(undefined);
        w.once("message", (m: { ok?: PartResult }) => resolve(m.ok));
        w.once("error", () => resolve(undefined));
        w.once("exit", () => resolve(undefined));
      });
      w.ref();
      w.postMessage(job);
      return { done, stop };
    },
    stop,
  };
}
