// `pelatihan report --year 2022` against `pelatihan validate` on the same 200 programs with
// 1,000,000 participants in all (synthetic, region 35.14): one streaming pass each, so the
// report should cost at most 1.3 x the validation. Prints both times, the ratio and peak RSS.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CLI, OUT, districtsOf, fmt, timePair, writeList, writeProgram } from "./lib.js";

const PROGRAMS = 200;
const TOTAL = 1_000_000;
const per = TOTAL / PROGRAMS;
const dir = join(OUT, "report");
const districts = await districtsOf("35.14");
const pad = (n) => String(n).padStart(2, "0");
for (let i = 0; i < PROGRAMS; i++) {
  const id = `p${String(i).padStart(3, "0")}`;
  const list = join(dir, "data", "participants", `${id}.csv`);
  if (!existsSync(list)) await writeList(list, per, { districts, offset: i * per });
  // spread over the year: start and end dates in every quarter
  const month = 1 + (i % 12);
  const day = 1 + (i % 24);
  writeProgram(join(dir, "data", "programs", `${id}.yaml`), {
    id,
    list: `../participants/${id}.csv`,
    total: per,
    start: `2022-${pad(month)}-${pad(day)}`,
    end: `2022-${pad(month)}-${pad(day + 3)}`,
    extra:
      `fiscal_year: 2022\nbudget:\n  allocated: ${25_000_000 + i * 10_000}\n  spent: ${24_000_000 + i * 9_000}\n` +
      `indicator:\n  name: Jumlah peserta pelatihan\n  unit: orang\n  target: ${per}\nactivity_code: 3.31.02.2.01.${pad(i % 100)}\nunit: Bidang Uji\n`,
  });
}
const out = join(dir, "out");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
console.log(`report vs validate: ${PROGRAMS} programs, ${TOTAL.toLocaleString("en")} participants (medians of 5 runs taken in turn, peak RSS)`);
const { a: v, b: r, ratio, runs } = timePair({ args: [CLI, "validate"], cwd: dir }, { args: [CLI, "report", "--year", "2022", "--out", out], cwd: dir });
console.log(`  validate ${fmt(v.ms)} (${v.rssMB} MB)`);
console.log(`  report   ${fmt(r.ms)} (${r.rssMB} MB), all formats (xlsx, csv, md, html)`);
console.log(`  ratio ${ratio.toFixed(2)} (median of ${runs} paired runs; target <= 1.3), ${Math.round(TOTAL / (r.ms / 1000)).toLocaleString("en")} rows/s`);
