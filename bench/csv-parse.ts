/**
 * readCsv against a bare papaparse streaming parse of the same 1,000,000-row list.
 * Each run is its own process so peak RSS is per parser.
 *
 *   npx tsc bench/csv-parse.ts --outDir bench/out/build --module nodenext --target es2022 \
 *     --types node --esModuleInterop --skipLibCheck --strict && node bench/out/build/bench/csv-parse.js
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync } from "node:fs";
import { once } from "node:events";
import Papa from "papaparse";
import { readCsv } from "../src/io/csv-read.js";

const ROWS = 1_000_000;
const FILE = new URL("../../participants-1m.csv", import.meta.url).pathname;

const NAMES = ["Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Agus Pratama", "Rina Wulandari", "Joko Susilo"];
const DISTRICTS = ["Bangil", "Pandaan", "Gempol", "Beji", "Sukorejo"];
const VILLAGES = ["Kalirejo", "Dermo", "Kolursari", "Latek", "Raci"];
const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

async function generate(): Promise<void> {
  mkdirSync(new URL("../../", import.meta.url).pathname, { recursive: true });
  const out = createWriteStream(FILE);
  let buf = "no,nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,desa,disabilitas,telepon,hadir_1,hadir_2,hadir_3,hadir_4\r\n";
  for (let i = 1; i <= ROWS; i++) {
    const d = 1 + (i % 28);
    const m = 1 + (i % 12);
    const y = 1970 + (i % 35);
    const female = i % 2 === 0;
    // Synthetic, structurally valid NIKs: region 351401, birth date (+40 for women), serial.
    const nik = `351401${pad(d + (female ? 40 : 0))}${pad(m)}${pad(y % 100)}${pad(i % 10000, 4)}`;
    buf += `${i},${nik},${NAMES[i % NAMES.length]},${female ? "P" : "L"},${pad(d)}/${pad(m)}/${y},`;
    buf += `${DISTRICTS[i % 5]},${VILLAGES[(i * 7) % 5]},${i % 17 === 0 ? "ya" : "tidak"},08${1_000_000_000 + ((i * 37) % 899_999_999)},`;
    buf += `${i % 2},${i % 3 ? 1 : 0},1,${i % 5 ? 1 : 0}\r\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

async function bare(): Promise<number> {
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(FILE), { step: () => void rows++, complete: () => resolve(), error: reject });
  });
  return rows;
}

async function ours(): Promise<number> {
  let rows = 0;
  const r = await readCsv(FILE, "participants-1m.csv", { onHeader: () => {}, onRow: () => void rows++ });
  if (r.findings.length) throw new Error(`unexpected findings: ${JSON.stringify(r.findings.slice(0, 3))}`);
  return rows;
}

async function child(mode: string): Promise<void> {
  const t0 = performance.now();
  const rows = mode === "bare" ? await bare() : await ours();
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ mode, rows, ms: Math.round(ms), rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function main(): Promise<void> {
  if (!existsSync(FILE)) await generate();
  const runs: Record<string, { ms: number; rssMB: number }[]> = { bare: [], readCsv: [] };
  for (let i = 0; i < 5; i++) {
    for (const mode of ["bare", "readCsv"]) {
      const p = spawnSync(process.execPath, [new URL(import.meta.url).pathname, mode], { encoding: "utf8" });
      if (p.status !== 0) throw new Error(p.stderr);
      runs[mode]?.push(JSON.parse(p.stdout) as { ms: number; rssMB: number });
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const b = median((runs.bare ?? []).map((r) => r.ms));
  const o = median((runs.readCsv ?? []).map((r) => r.ms));
  for (const [mode, rs] of Object.entries(runs)) {
    console.log(`${mode.padEnd(8)} median ${median(rs.map((r) => r.ms))} ms, peak RSS ${Math.max(...rs.map((r) => r.rssMB))} MB`);
  }
  console.log(`ratio readCsv / bare papaparse: ${(o / b).toFixed(2)}`);
}

const mode = process.argv[2];
await (mode ? child(mode) : main());
