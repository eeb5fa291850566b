// `pelatihan roster` (selection + CSV, XLSX, PDF, Markdown) on a 100,000-applicant program
// against `pelatihan validate` on the same list (target: roster < 2x validate).
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CLI, OUT, districtsOf, fmt, timePair, writeList, writeProgram } from "./lib.js";

const dir = join(OUT, "roster");
const n = 100_000;
const seats = 2_000;
const districts = await districtsOf("35.14");
const list = join(dir, "data", "participants", `list-${n}.csv`);
if (!existsSync(list)) await writeList(list, n, { districts, days: 0 });
writeProgram(join(dir, "data", "programs", "provinsi.yaml"), {
  id: "provinsi",
  list: `../participants/list-${n}.csv`,
  total: seats,
  extra: "  per_district: 120\n  groups:\n    - field: jenis_kelamin\n      value: P\n      min: 1000\n",
});
// 9 pairs: the ratio sits a few per cent under its target, and a median of 5 moved by about as much
const runs = 9;
console.log(`roster vs validate, ${n.toLocaleString("en")} applicants, ${seats} seats, 24 kecamatan (medians of ${runs} runs taken in turn, peak RSS)`);
const out = join(dir, "out");
rmSync(out, { recursive: true, force: true });
// validate exits 1 here: 100,000 people for 2,000 seats breaks the quota, which is what roster resolves
const validate = { args: [CLI, "validate", "data/programs/provinsi.yaml"], cwd: dir, okCodes: [0, 1] };
const { a: v, b: r, ratio } = timePair(validate, { args: [CLI, "roster", "data/programs/provinsi.yaml", "--out", "out", "--force"], cwd: dir }, { runs });
const internal = timePair(validate, { args: [CLI, "roster", "data/programs/provinsi.yaml", "--out", "out-internal", "--profile", "internal", "--force"], cwd: dir }, { runs });
console.log(`  validate ${fmt(v.ms)} (${v.rssMB} MB)`);
console.log(`  roster   ${fmt(r.ms)} (${r.rssMB} MB), ratio ${ratio.toFixed(2)} (median of the ${runs} pairs; target < 2.0)`);
console.log(`  roster --profile internal ${fmt(internal.b.ms)} (${internal.b.rssMB} MB), ratio ${internal.ratio.toFixed(2)}`);
