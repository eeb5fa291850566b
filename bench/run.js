// `npm run bench`: every bench/<area>.js in its own process, one after the other.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith(".js") && f !== "run.js" && f !== "lib.js")
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.js$/, "")))
  .sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n== ${s.replace(/\.js$/, "")} ==`);
  const r = spawnSync(process.execPath, [join(here, s)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
