// `pelatihan certificates` end to end (list read, completion rule, numbers from the register,
// signing, 1,000 individual PDFs written durably, the merged PDF, the manifest) against the
// floor: pdfkit writing one 1,000-page PDF of the same certificate page with nothing else.
// Two floors are printed: the page drawn as the template is (svg-to-pdfkit, fonts loaded
// once), and a text-only lower bound (pdfkit text() of the page's lines). Target: < 3x floor.
// Also a rerun (nothing to do) and 10,000 certificates for peak memory.
// Usage: node bench/certificates.js [--count N] [--no-big]
import { createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { CLI, OUT, ROOT, fmt, timeNode } from "./lib.js";

const args = process.argv.slice(2);
const N = Number(args[args.indexOf("--count") + 1]) || 1000;
const dir = join(OUT, "certificates");
const { default: PDFDocument } = await import("pdfkit");
const require = createRequire(import.meta.url);
const SVGtoPDF = require("svg-to-pdfkit");
const fonts = join(ROOT, "node_modules", "dejavu-fonts-ttf", "ttf");

/** A workspace whose program has n completers (one day, all present) and a signatory. */
function workspace(name, n) {
  const ws = join(dir, name);
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(join(ws, "data", "programs"), { recursive: true });
  mkdirSync(join(ws, "data", "participants"), { recursive: true });
  const names = ["Siti Rahayu", "Budi Santoso", "Ni Luh Putu Ayu Sri Wahyuningsih", "Ma'ruf Hidayat", "Dédé Lestari", "Moch. Eko Pratama"];
  const lines = ["nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,disabilitas,hadir_1"];
  for (let i = 0; i < n; i++) {
    // women: day + 40 in the NIK; serial from 1, over several birth days so it stays 4 digits
    const day = 41 + (i % 28);
    const serial = String(Math.floor(i / 28) + 1).padStart(4, "0");
    lines.push(`351401${day}0191${serial},${names[i % names.length]} ${i + 1},P,1991-01-${String(day - 40).padStart(2, "0")},Bangil,-,H`);
  }
  writeFileSync(join(ws, "data", "participants", "p.csv"), `${lines.join("\n")}\n`);
  writeFileSync(
    join(ws, "data", "programs", "p.yaml"),
    `id: p\ntitle: Pelatihan Handicraft bagi Penyandang Disabilitas\norganizer: Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan\n` +
      `region: "35.14"\nvenue: Gazebo Latek, Bangil\nstart: 2022-11-07\nend: 2022-11-07\nhours: 8\nparticipants: ../participants/p.csv\n` +
      `quota:\n  total: ${n}\ncertificate:\n  number: "500.8.1/{seq:04}/424.083/{year}"\n  place: Pasuruan\n  date: 2022-11-11\n` +
      `  signatories:\n    - { name: "Drs. Agus Wicaksono, M.Si.", position: Kepala Dinas, nip: "197203151998031007" }\n`,
  );
  return ws;
}

/** The first certificate's page as the template draws it, N times in one document (svg-to-pdfkit). */
async function floorSvg(file, n, svg) {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const done = new Promise((r) => doc.pipe(createWriteStream(file)).on("finish", r));
  const reg = { "DejaVu Sans": "DejaVuSans", "DejaVu Serif": "DejaVuSerif", "DejaVu Sans Mono": "DejaVuSansMono" };
  const registered = new Set();
  for (let p = 0; p < n; p++) {
    doc.addPage({ size: [841.89, 595.28], margin: 0 });
    SVGtoPDF(doc, svg, 0, 0, {
      width: 841.89, height: 595.28, assumePt: true, warningCallback: () => {},
      fontCallback: (family, bold) => {
        const name = `${reg[family.replace(/'/g, "")] ?? "DejaVuSans"}${bold ? "-Bold" : ""}`;
        if (!registered.has(name)) {
          doc.registerFont(name, join(fonts, `${name}.ttf`));
          registered.add(name);
        }
        return name;
      },
    });
  }
  doc.end();
  await done;
}

/** Text-only lower bound: the page's lines with pdfkit's text(), N pages. */
async function floorText(file, n) {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  doc.registerFont("R", join(fonts, "DejaVuSans.ttf"));
  doc.registerFont("S", join(fonts, "DejaVuSerif-Bold.ttf"));
  const done = new Promise((r) => doc.pipe(createWriteStream(file)).on("finish", r));
  const lines = ["Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan", "SERTIFIKAT", "Nomor: 500.8.1/0001/424.083/2022", "diberikan kepada",
    "Siti Rahayu 1", "atas keikutsertaannya sebagai peserta", "Pelatihan Handicraft bagi Penyandang Disabilitas", "tanggal 7 November 2022 di Gazebo Latek, Bangil",
    "selama 8 jam pelajaran (JP)", "Hasil: LULUS", "Pasuruan, 11 November 2022", "Kepala Dinas", "Drs. Agus Wicaksono, M.Si.", "NIP. 19720315 199803 1 007",
    "8XJH-WV89-2H5A-6NFB", "kode verifikasi"];
  for (let p = 0; p < n; p++) {
    doc.addPage({ size: [841.89, 595.28], margin: 0 });
    doc.lineWidth(4).rect(20, 20, 802, 555).stroke();
    lines.forEach((t, k) => doc.font(k === 1 || k === 4 ? "S" : "R").fontSize(k === 1 ? 30 : k === 4 ? 26 : 10).text(t, 60, 40 + k * 30, { lineBreak: false }));
  }
  doc.end();
  await done;
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`pelatihan certificates, ${N.toLocaleString("en")} completers, formal template (median of 3 runs, peak RSS)`);

// the command: a fresh register each run (keys made once)
const ws = workspace("ws", N);
timeNode([CLI, "keys", "init"], { cwd: ws, runs: 1 });
const out = join(ws, "out", "p", "sertifikat");
const fresh = [];
let rss = 0;
for (let r = 0; r < 3; r++) {
  rmSync(join(ws, "out"), { recursive: true, force: true });
  rmSync(join(ws, "data", "register-sertifikat.csv"), { force: true });
  const t = timeNode([CLI, "certificates"], { cwd: ws, runs: 1 });
  fresh.push(t.ms);
  rss = Math.max(rss, t.rssMB);
}
fresh.sort((a, b) => a - b);
const cmdMs = fresh[1];
const files = readdirSync(out).filter((f) => /^\d+-.*\.pdf$/.test(f));
const avg = files.reduce((s, f) => s + statSync(join(out, f)).size, 0) / files.length;
const rerun = timeNode([CLI, "certificates"], { cwd: ws });

// the floors, on the first certificate's page
const svgFile = join(ROOT, "templates", "sertifikat-formal.svg");
const svg = readFileSync(svgFile, "utf8")
  .replace(/\{\{\s*ttd1_(\w+)\s*\}\}/g, (_, k) => ({ nama: "Drs. Agus Wicaksono, M.Si.", jabatan: "Kepala Dinas", nip: "19720315 199803 1 007", pangkat: "" })[k] ?? "")
  .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => ({ nama: "Siti Rahayu 1", nomor: "500.8.1/0001/424.083/2022", jenis: "SERTIFIKAT", hasil: "LULUS", kode: "8XJH-WV89-2H5A-6NFB" })[k] ?? k);
let t0 = performance.now();
await floorSvg(join(dir, "floor-svg.pdf"), N, svg);
const floorSvgMs = performance.now() - t0;
t0 = performance.now();
await floorText(join(dir, "floor-text.pdf"), N);
const floorTextMs = performance.now() - t0;

console.log(`  floor, the page as drawn from the SVG (svg-to-pdfkit, one ${N}-page PDF): ${fmt(floorSvgMs)}`);
console.log(`  floor, text only (pdfkit text(), one ${N}-page PDF):                      ${fmt(floorTextMs)}`);
console.log(
  `  certificates: ${fmt(cmdMs)} for ${files.length} files + merged PDF + manifest + register (${Math.round(files.length / (cmdMs / 1000))}/s, peak ${rss} MB), ` +
    `average file ${kb(avg)}, merged ${kb(statSync(join(out, "semua-sertifikat.pdf")).size)}`,
);
console.log(`  ratio to the SVG-page floor ${(cmdMs / floorSvgMs).toFixed(2)}, to the text-only floor ${(cmdMs / floorTextMs).toFixed(2)} (target < 3.0)`);
console.log(`  rerun with nothing new: ${fmt(rerun.ms)} (${rerun.rssMB} MB)`);

if (!args.includes("--no-big")) {
  const big = workspace("ws-big", 10 * N);
  timeNode([CLI, "keys", "init"], { cwd: big, runs: 1 });
  const t = timeNode([CLI, "certificates"], { cwd: big, runs: 1 });
  console.log(`  ${(10 * N).toLocaleString("en")} certificates: ${fmt(t.ms)} (${Math.round((10 * N) / (t.ms / 1000))}/s), peak RSS ${t.rssMB} MB`);
  rmSync(big, { recursive: true, force: true });
}
