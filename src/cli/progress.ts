/** A one-line progress indicator on stderr, only on a terminal and only for big files. */
import type { Program } from "../domain/program.js";

const MIN_BYTES = 8 << 20;

export interface Progress {
  update(bytes: number, total: number, program: Program): void;
  done(): void;
}

export function progressReporter(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  let last = -1;
  return {
    update(bytes, total, program) {
      if (total < MIN_BYTES) return;
      const pct = Math.floor((bytes / total) * 100);
      if (pct === last) return;
      last = pct;
      shown = true;
      stream.write(`\r${program.id}: ${pct}%   `);
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
