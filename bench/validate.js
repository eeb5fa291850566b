// `pelatihan validate` on a 1,000,000-row list against a bare papaparse streaming parse of
// the same file; memory at 100k and 1M rows; `--help` start-up against `node -e 0`.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, OUT, districtsOf, fmt, timeNode, timePair, writeList, writeProgram } from "./lib.js";

const dir = join(OUT, "validate");
const sizes = [100_000, 1_000_000];
const districts = await districtsOf("35.14");
for (const n of sizes) {
  const list = join(dir, "data", "participants", `list-${n}.csv`);
  if (!existsSync(list)) await writeList(list, n, { districts });
  writeProgram(join(dir, "data", "programs", `p${n}.yaml`), { id: `p${n}`, list: `../participants/list-${n}.csv`, total: n });
}
const bare = join(dir, "bare-parse.mjs");
writeFileSync(
  bare,
  `import Papa from ${JSON.stringify(join(process.cwd(), "node_modules/papaparse/papaparse.js"))};\n` +
    `import { createReadStream } from "node:fs";\nlet rows = 0;\n` +
    `await new Promise((res, rej) => Papa.parse(createReadStream(process.argv[2]), { step: () => void rows++, complete: res, error: rej }));\n` +
    `if (rows < 2) process.exit(1);\n`,
);
console.log("validate vs bare papaparse streaming parse (medians of 5 runs taken in turn, ratio: median of the 5 pairs; peak RSS)");
for (const n of sizes) {
  const list = join(dir, "data", "participants", `list-${n}.csv`);
  const { a: b, b: v, ratio } = timePair({ args: [bare, list] }, { args: [CLI, "validate", `data/programs/p${n}.yaml`], cwd: dir });
  console.log(
    `  ${String(n).padStart(9)} rows: bare parse ${fmt(b.ms)} (${b.rssMB} MB), validate ${fmt(v.ms)} (${v.rssMB} MB), ` +
      `ratio ${ratio.toFixed(2)} (target <= 2.0), ${Math.round(n / (v.ms / 1000)).toLocaleString("en")} rows/s`,
  );
}
const idle = timeNode(["-e", "0"], { runs: 7 });
const help = timeNode([CLI, "--help"], { runs: 7 });
console.log(`  start-up: node -e 0 ${idle.ms.toFixed(0)} ms, pelatihan --help ${help.ms.toFixed(0)} ms, ratio ${(help.ms / idle.ms).toFixed(2)} (target <= 2.0)`);
