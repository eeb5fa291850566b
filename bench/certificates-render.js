// Certificate renderer: 1,000 individual PDFs + the merged PDF against a text-only floor
// (pdfkit's own text() writing one 1,000-page PDF, without the page's drawing). The issue's
// target (3x the floor) is against the page as drawn from the SVG, about 2.6 s: that ratio
// is printed by bench/certificates.js; the ratio here, to a floor without the drawing, has
// no target.
// Also the naive way (svg-to-pdfkit on the filled SVG, fonts loaded per file), timed on 50
// files and scaled to 1,000, and a 10,000-certificate run for peak memory.
// Usage: node bench/certificates-render.js [--count N] [--big] (after npm run build)
// Figures on the 2-core test machine: floor 0.32-0.36 s, naive ~40 s, 1 thread 3.3-3.5 s,
// 1 worker + main thread 3.0-3.1 s, 2 workers 3.5-4.0 s (the 2 cores give ~1.3x together).
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Buffer } from "node:buffer";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, OUT, fmt } from "./lib.js";

const args = process.argv.slice(2);
const N = Number(args[args.indexOf("--count") + 1]) || 1000;
const dir = join(OUT, "certificates-render");
const template = join(ROOT, "templates", "sertifikat-formal.svg");
const logo = join(ROOT, "templates", "logo-contoh.svg");
const { loadTemplate } = await import(join(ROOT, "dist", "io", "certificate-template.js"));
const { createRenderer } = await import(join(ROOT, "dist", "io", "certificate-pdf.js"));
const { default: PDFDocument } = await import("pdfkit");
const require = createRequire(import.meta.url);
const SVGtoPDF = require("svg-to-pdfkit");
const fonts = join(ROOT, "node_modules", "dejavu-fonts-ttf", "ttf");

const FIRST = ["Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Nur", "Ahmad", "Sri", "Moch.", "Lilik", "Eko", "Ni Luh Putu", "Dédé"];
const LAST = ["Rahayu", "Santoso", "Lestari", "Pratama", "Wulandari", "Susilo", "Hidayati", "Fauzi", "Ma'ruf", "Utami", "Nguyễn"];
const signatories = [
  { nama: "Ir. Hj. Siti Aminah, M.M.", jabatan: "Kepala Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan", nip: "19680411 199303 1 009", pangkat: "Pembina Utama Muda (IV/c)" },
  { nama: "Drs. Bambang Suryanto", jabatan: "Kepala Bidang Industri", nip: "19700101 199503 1 002", pangkat: "" },
];
function fields(i) {
  const seq = String(i + 1).padStart(4, "0");
  return {
    kind: "sertifikat", jenis: "SERTIFIKAT", nama: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`, nik: "",
    judul: "Pelatihan Handicraft bagi Penyandang Disabilitas", penyelenggara: "Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan",
    tempat: "Gazebo Latek, Bangil", tanggal: "7-10 November 2022", jp: "32", hasil: "Lulus", nomor: `500.8.1/${seq}/424.083/2022`,
    tempat_tanggal_terbit: "Pasuruan, 11 November 2022", kode: `7KQM-2XHD-${seq}-4WFE`, mitra: "", signatories, logo,
    token: `PLT1.${Buffer.from(`claim ${i} `.repeat(12)).toString("base64url")}.${"S".repeat(86)}`, tanggal_terbit_iso: "2022-11-11",
  };
}
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);

// the naive way: fill the SVG text, svg-to-pdfkit per file, fonts read and parsed per file
function naiveOne(src, f) {
  const esc = (s) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const v = { ...f, ...Object.fromEntries(f.signatories.flatMap((s, k) => Object.entries(s).map(([a, b]) => [`ttd${k + 1}_${a}`, b]))) };
  const svg = src.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => esc(String(v[k] ?? "")));
  const doc = new PDFDocument({ size: [841.89, 595.28], margin: 0, info: { CreationDate: new Date(0) } });
  const chunks = [];
  doc.on("data", (c) => chunks.push(c));
  const reg = { "DejaVu Sans": "DejaVuSans", "DejaVu Serif": "DejaVuSerif", "DejaVu Sans Mono": "DejaVuSansMono" };
  SVGtoPDF(doc, svg, 0, 0, {
    width: 841.89, height: 595.28, assumePt: true, preserveAspectRatio: "xMidYMid meet", warningCallback: () => {},
    fontCallback: (family, bold) => {
      const name = `${reg[family.replace(/'/g, "")] ?? "DejaVuSans"}${bold ? "-Bold" : ""}`;
      doc.registerFont(name, join(fonts, `${name}.ttf`));
      return name;
    },
  });
  return new Promise((resolve) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

// the floor: one document, the same page N times, pdfkit's own text() with embedded fonts
async function floor(file, n) {
  const f = fields(0);
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
  doc.registerFont("R", join(fonts, "DejaVuSans.ttf"));
  doc.registerFont("S", join(fonts, "DejaVuSerif-Bold.ttf"));
  const done = new Promise((r) => doc.pipe(createWriteStream(file)).on("finish", r));
  const lines = [f.penyelenggara, f.jenis, `Nomor: ${f.nomor}`, "diberikan kepada", f.nama, "atas keikutsertaannya sebagai peserta", f.judul,
    `tanggal ${f.tanggal} di ${f.tempat}`, `selama ${f.jp} jam pelajaran (JP)`, `Hasil: ${f.hasil}`, f.tempat_tanggal_terbit,
    signatories[0].jabatan, signatories[0].nama, signatories[0].pangkat, `NIP. ${signatories[0].nip}`, "Mengetahui,", signatories[1].jabatan,
    signatories[1].nama, `NIP. ${signatories[1].nip}`, f.kode, "kode verifikasi", "Kode verifikasi ini ... bukan tanda tangan elektronik (TTE)."];
  for (let p = 0; p < n; p++) {
    doc.addPage({ size: [841.89, 595.28], margin: 0 });
    doc.lineWidth(4).rect(20, 20, 802, 555).stroke().lineWidth(1).rect(30, 30, 782, 535).stroke();
    lines.forEach((t, k) => doc.font(k === 1 || k === 4 ? "S" : "R").fontSize(k === 1 ? 30 : k === 4 ? 26 : 10).text(t, 60, 40 + k * 23, { lineBreak: false }));
  }
  doc.end();
  await done;
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "files"), { recursive: true });
console.log(`certificate rendering, ${N.toLocaleString("en")} certificates, template sertifikat-formal.svg, 2 signatories, SVG logo`);

let t0 = performance.now();
await floor(join(dir, "floor.pdf"), N);
const floorMs = performance.now() - t0;
console.log(`  text-only floor (pdfkit text(), one ${N}-page PDF)   ${fmt(floorMs)}  ${kb(statSync(join(dir, "floor.pdf")).size)}`);

const src = readFileSync(template, "utf8");
const NAIVE = 50;
t0 = performance.now();
for (let i = 0; i < NAIVE; i++) writeFileSync(join(dir, `naive-${i}.pdf`), await naiveOne(src, fields(i)));
const naiveMs = ((performance.now() - t0) / NAIVE) * N;
console.log(`  naive (svg-to-pdfkit per file)      ${fmt(naiveMs)} for ${N} files (${NAIVE} timed, scaled), ${kb(statSync(join(dir, "naive-0.pdf")).size)} a file`);

async function run(n, workers, label, keepFiles) {
  const t = await loadTemplate(template);
  const start = performance.now();
  const r = await createRenderer(t, { workers });
  const merged = await r.openMerged(join(dir, "merged.pdf"));
  let bytes = 0;
  let indivDone = 0;
  let mergedDone = 0;
  const inflight = new Set();
  for (let i = 0; i < n; i++) {
    const f = fields(i);
    const p = r.render(f).then((b) => {
      bytes += b.length;
      if (keepFiles) writeFileSync(join(dir, "files", `${String(i + 1).padStart(5, "0")}.pdf`), b);
      inflight.delete(p);
    });
    inflight.add(p);
    await merged.add(f);
    if (inflight.size >= 16) await Promise.race(inflight);
  }
  mergedDone = performance.now() - start;
  await merged.finish();
  mergedDone = performance.now() - start;
  await Promise.all(inflight);
  indivDone = performance.now() - start;
  await r.close();
  const total = performance.now() - start;
  const ms = statSync(join(dir, "merged.pdf")).size;
  console.log(`  ${label}: individual ${fmt(indivDone)}, merged ${fmt(mergedDone)} (in parallel), total ${fmt(total)}, ratio to the text-only floor ${(total / floorMs * (N / n)).toFixed(2)} (the 3x target is against the SVG-page floor: see certificates)`);
  console.log(`    ${Math.round(n / (total / 1000))} certificates/s, peak RSS ${rss()} MB, average file ${kb(bytes / n)}, merged ${kb(ms)}`);
}

await run(N, 0, "optimised, 1 thread ");
await run(N, 1, "optimised, 1 worker ");
await run(N, 2, "optimised, 2 workers", true);
// peak RSS is the process's peak so far (the runs above included)
if (args.includes("--big")) await run(10 * N, undefined, `${(10 * N).toLocaleString("en")} certificates, default workers`, false);
