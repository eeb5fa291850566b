/**
 * Certificate PDFs in the current thread: one deterministic PDF per person (bytes depend
 * only on the template, the fields and the images) and the merged PDF for printing,
 * streamed page by page. certificate-pdf.ts runs this in worker threads.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { CertificateFields } from "../domain/certificate-types.js";
import { OutputError } from "../errors.js";
import { fieldValues, type ParsedTemplate } from "./certificate-template.js";
import { firstMissing, openFace, resolveFont } from "./certificate-fonts.js";
import { PageDrawer } from "./certificate-page.js";

type PDFDocumentCtor = typeof import("pdfkit");

let PDFDocument: PDFDocumentCtor | undefined;
async function pdfkit(): Promise<PDFDocumentCtor> {
  PDFDocument ??= (await import("pdfkit")).default;
  return PDFDocument;
}

function issueDate(f: CertificateFields): Date {
  const d = new Date(`${f.tanggal_terbit_iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

const signaturesOf = (f: CertificateFields): (string | undefined)[] => [0, 1, 2].map((i) => f.signatories[i]?.tandaTangan);

/** The first character of a used field that its fonts cannot draw. */
export function missingGlyph(t: ParsedTemplate, fields: CertificateFields): { field: string; char: string } | undefined {
  const values = fieldValues(fields);
  for (const item of t.texts) {
    for (const line of item.lines) {
      for (const r of line.runs) {
        for (const m of r.raw.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
          const field = m[1] as string;
          const ch = firstMissing(openFace(resolveFont(r.font, t.dir)), values[field] ?? "");
          if (ch !== undefined) return { field, char: ch };
        }
      }
    }
  }
  return undefined;
}

export async function renderOne(t: ParsedTemplate, f: CertificateFields): Promise<Uint8Array> {
  const Doc = await pdfkit();
  const when = issueDate(f);
  const doc = new Doc({
    // no default Helvetica: its metrics would be parsed for every file
    font: null as unknown as string,
    autoFirstPage: false,
    compress: true,
    info: {
      Title: `Sertifikat ${f.nomor}`,
      Author: f.penyelenggara,
      Subject: `Sertifikat pelatihan - kode verifikasi ${f.kode}`,
      Creator: "pelatihan",
      Producer: "pelatihan",
      CreationDate: when,
      ModDate: when,
      VerificationToken: f.token,
    } as PDFKit.DocumentInfo,
  });
  // the file ID is a digest of what the page says: same fields, same bytes
  (doc as unknown as { _id: Buffer })._id = createHash("sha256").update(JSON.stringify([t.path, f])).digest().subarray(0, 16);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = once(doc, "end");
  await new PageDrawer(doc, t).page(fieldValues(f), f.token, f.logo, signaturesOf(f));
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

export interface MergedCore {
  add(f: CertificateFields): Promise<void>;
  finish(): Promise<void>;
}

/** The merged PDF: pages go to the file as they are drawn; fonts, images and the static page once. */
export async function openMergedCore(t: ParsedTemplate, path: string): Promise<MergedCore> {
  const Doc = await pdfkit();
  const doc = new Doc({ font: null as unknown as string, autoFirstPage: false, compress: true, info: { Title: "Sertifikat pelatihan", Creator: "pelatihan", Producer: "pelatihan", CreationDate: new Date(0), ModDate: new Date(0) } });
  const out = createWriteStream(path);
  let failed: unknown;
  const fail = (e: unknown): void => {
    failed ??= e;
  };
  out.on("error", fail);
  doc.on("error", fail);
  doc.pipe(out);
  const drawer = new PageDrawer(doc, t);
  const id = createHash("sha256").update(t.path);
  let first = true;
  const check = (): void => {
    if (failed) throw new OutputError("OUTPUT_WRITE", `gagal menulis / cannot write: ${(failed as NodeJS.ErrnoException).code ?? String(failed)}`, { file: path });
  };
  return {
    async add(f) {
      check();
      if (first) {
        const when = issueDate(f);
        Object.assign(doc.info, { Author: f.penyelenggara, CreationDate: when, ModDate: when });
        first = false;
      }
      id.update(`${f.nomor}\u0000${f.token}\u0000`);
      await drawer.page(fieldValues(f), f.token, f.logo, signaturesOf(f));
      // bounded memory: wait while the file is behind
      while (doc.readableLength + out.writableLength > 8 << 20 && !failed) await new Promise((r) => setImmediate(r));
    },
    async finish() {
      check();
      (doc as unknown as { _id: Buffer })._id = id.digest().subarray(0, 16);
      const done = once(out, "finish");
      doc.end();
      await done;
      check();
    },
  };
}
