/**
 * Where a command's time goes, on stderr, when PELATIHAN_TIMING=1: each mark prints the
 * milliseconds since the process started and since the mark before. For measuring, not
 * for users; nothing is printed otherwise.
 */
const on = process.env.PELATIHAN_TIMING === "1";
let last = 0;

export function mark(what: string): void {
  if (!on) return;
  const now = performance.now();
  process.stderr.write(`timing: ${what} ${now.toFixed(0)} ms (+${(now - last).toFixed(0)})\n`);
  last = now;
}
