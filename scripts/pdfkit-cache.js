// Makes dist/bundle/pdfkit.cjs.cache (see scripts/lazy/pdfkit.js): loads pdfkit from the bundle,
// draws a small document as the roster and certificates do (DejaVu text, pages, a form, a
// compressed stream, the fonts embedded), so that the functions they call are compiled, then
// writes V8's code cache of the whole file.
import { Buffer } from "node:buffer";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";

const bundle = new URL("../dist/bundle/", import.meta.url);
const cacheFile = new URL("pdfkit.cjs.cache", bundle);
rmSync(cacheFile, { force: true });
const { default: PDFDocument, codeCache } = await import(new URL("pdfkit.js", bundle).href);
const fonts = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const doc = new PDFDocument({ font: null, size: "A4", margin: 0, autoFirstPage: false, compress: true, info: { Title: "cache", CreationDate: new Date(0) } });
doc.registerFont("R", join(fonts, "DejaVuSansCondensed.ttf"));
doc.registerFont("B", join(fonts, "DejaVuSansCondensed-Bold.ttf"));
const done = new Promise((resolve, reject) => {
  doc.pipe(new Writable({ write: (_chunk, _enc, next) => next(), final: (next) => (resolve(), next()) }));
  doc.on("error", reject);
});
for (let page = 0; page < 3; page++) {
  doc.addPage({ size: "A4", margin: 0 });
  doc.font("B", 14).fillColor([0, 0, 0]).text("DAFTAR HADIR PESERTA", 40, 40, { lineBreak: false });
  for (let row = 0; row < 20; row++) doc.font("R", 9).text(`${row + 1}. Siti Rahayu José Martínez`, 40, 70 + row * 14, { lineBreak: false, width: 300 });
  doc.rect(40, 400, 500, 20).fillAndStroke([0.85, 0.88, 0.95], "black");
  const form = doc.ref({ Type: "XObject", Subtype: "Form", BBox: [0, 0, 595, 842] });
  form.write(Buffer.from("q 0 0 0 rg Q\n"));
  form.end();
}
doc.end();
await done;
writeFileSync(cacheFile, codeCache());
