// Shared helpers for the benchmark scripts: synthetic workspaces and timed child processes.
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = join(ROOT, "bench", "out");
export const CLI = join(ROOT, "bin", "pelatihan.js");

const FIRST = ["Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Nur", "Ahmad", "Sri", "Moch.", "Lilik", "Eko"];
const LAST = ["Rahayu", "Santoso", "Lestari", "Pratama", "Wulandari", "Susilo", "Hidayati", "Fauzi", "Ma'ruf", "Utami"];
const pad = (n, w = 2) => String(n).padStart(w, "0");

/** Kecamatan of a region from the built area table: [{code, name}]. */
export async function districtsOf(region) {
  const { loadAreaIndex } = await import(join(ROOT, "dist", "io", "area-data.js"));
  return (await loadAreaIndex()).districtsOf(region);
}

/**
 * A valid participant list of `rows` people (unique NIKs starting at `offset`) written in
 * 1 MB chunks; about 90 bytes a row.
 */
export async function writeList(file, rows, { districts, days = 4, offset = 0 }) {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  let head = "nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,desa,disabilitas,telepon";
  for (let d = 1; d <= days; d++) head += `,hadir_${d}`;
  let buf = `${head}\r\n`;
  for (let k = 0; k < rows; k++) {
    const i = k + offset;
    // mixed radix: every i gives a different (kecamatan, birth date, serial), so NIKs are unique
    const dist = districts[i % districts.length];
    let j = Math.floor(i / districts.length);
    const day = 1 + (j % 28);
    j = Math.floor(j / 28);
    const month = 1 + (j % 12);
    j = Math.floor(j / 12);
    const year = 1965 + (j % 40);
    const serial = 1 + Math.floor(j / 40);
    const female = i % 2 === 0;
    const nik = `${dist.code.replace(/\./g, "")}${pad(day + (female ? 40 : 0))}${pad(month)}${pad(year % 100)}${pad(serial % 10000, 4)}`;
    buf += `${nik},${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]},${female ? "P" : "L"},${pad(day)}/${pad(month)}/${year},`;
    buf += `${dist.name},,${i % 17 === 0 ? "fisik" : "-"},08${1_000_000_000 + ((i * 37) % 899_999_999)}`;
    for (let d = 1; d <= days; d++) buf += (i + d) % 9 === 0 ? ",A" : ",H";
    buf += "\r\n";
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

/** A program YAML pointing at `list` (relative to the YAML). */
export function writeProgram(file, { id, list, total, region = "35.14", start = "2022-11-07", end = "2022-11-10", extra = "" }) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `id: ${id}\ntitle: Pelatihan ${id}\norganizer: Dinas Uji\nregion: "${region}"\nvenue: Bangil\nstart: ${start}\nend: ${end}\n` +
      `participants: ${list}\nquota:\n  total: ${total}\n${extra}`,
  );
}

const HAS_TIME = existsSync("/usr/bin/time");

/** Runs `node args...` `runs` times; median wall time and the largest peak RSS. */
/** One run of `node args`: wall time and peak RSS (MB, NaN without /usr/bin/time). */
function runOnce(args, { cwd = ROOT, okCodes = [0] } = {}) {
  const cmd = HAS_TIME ? "/usr/bin/time" : process.execPath;
  const argv = HAS_TIME ? ["-f", "%M", process.execPath, ...args] : args;
  const t0 = performance.now();
  const p = spawnSync(cmd, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (!okCodes.includes(p.status)) throw new Error(`node ${args.join(" ")} exited ${p.status}\n${p.stderr.slice(-2000)}`);
  return { ms, rssMB: HAS_TIME ? Number(p.stderr.trim().split("\n").pop()) / 1024 : NaN };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function timeNode(args, { runs = 3, cwd = ROOT, okCodes = [0] } = {}) {
  const results = Array.from({ length: runs }, () => runOnce(args, { cwd, okCodes }));
  return { ms: median(results.map((r) => r.ms)), rssMB: Math.round(Math.max(...results.map((r) => r.rssMB))) };
}

/**
 * Two commands run in turn (A B, B A, A B, ...), so that a machine whose speed drifts
 * affects both alike: each one's median time and peak RSS, and the median of the ratios
 * B/A pair by pair.
 */
export function timePair(a, b, { runs = 5 } = {}) {
  const ra = [];
  const rb = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) {
      ra.push(runOnce(a.args, a));
      rb.push(runOnce(b.args, b));
    } else {
      rb.push(runOnce(b.args, b));
      ra.push(runOnce(a.args, a));
    }
  }
  const sum = (rs) => ({ ms: median(rs.map((x) => x.ms)), rssMB: Math.round(Math.max(...rs.map((x) => x.rssMB))) });
  return { a: sum(ra), b: sum(rb), ratio: median(rb.map((x, i) => x.ms / ra[i].ms)), runs };
}

export const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
