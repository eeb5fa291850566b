/** Where a worker thread's built script is, if it is there (tests run from the TypeScript sources, where it is not). */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `url`: the script next to the caller, e.g. `new URL("./scan-worker.js", import.meta.url)`. */
export function builtWorkerScript(url: URL): string | undefined {
  if (url.protocol !== "file:") return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}
