/** One-line progress indicators on stderr, only on a terminal: bytes of a big list, or a count of items. */
import type { Program } from "../domain/program.js";

const MIN_BYTES = 8 << 20;
const MIN_ITEMS = 50;

export interface Progress {
  update(bytes: number, total: number, program: Program): void;
  done(): void;
}

/** A line rewritten in place, cleared at the end if it was ever shown. */
function statusLine(stream: NodeJS.WriteStream): { show(text: string): void; clear(): void } {
  let shown = false;
  return {
    show(text) {
      shown = true;
      stream.write(`\r${text}`);
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}

/** Percent of a list read, for lists of 8 MB or more. */
export function progressReporter(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const line = statusLine(stream);
  let last = -1;
  return {
    update(bytes, total, program) {
      if (total < MIN_BYTES) return;
      const pct = Math.floor((bytes / total) * 100);
      if (pct === last) return;
      last = pct;
      line.show(`${program.id}: ${pct}%   `);
    },
    done: line.clear,
  };
}

/** A bar of items done (certificates), for batches of 50 or more. */
export function countReporter(stream: NodeJS.WriteStream, id: string): { update(done: number, total: number): void; done(): void } | undefined {
  if (!stream.isTTY) return undefined;
  const line = statusLine(stream);
  const width = 30;
  return {
    update(done, total) {
      if (total < MIN_ITEMS) return;
      const filled = Math.round((done / total) * width);
      line.show(`${id}: [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
    },
    done: line.clear,
  };
}
