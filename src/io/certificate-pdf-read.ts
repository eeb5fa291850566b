/**
 * What `verify` needs from a certificate PDF: the VerificationToken of its info dictionary
 * and the text of its pages, via pdfjs-dist's Node (legacy) build, loaded only when a PDF
 * is checked.
 */
import { UserError } from "../errors.js";

export interface CertificatePdf {
  token: string | undefined;
  text: string;
}

export async function readCertificatePdf(data: Uint8Array, file: string): Promise<CertificatePdf> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false }).promise;
  } catch {
    throw new UserError("VERIFY_PDF_INVALID", "berkas bukan PDF yang dapat dibaca / not a readable PDF", { file });
  }
  try {
    const meta = await doc.getMetadata();
    const custom = (meta.info as { Custom?: Record<string, unknown> } | undefined)?.Custom;
    const raw = custom?.VerificationToken;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
    }
    return { token: typeof raw === "string" && raw.trim() !== "" ? raw.trim() : undefined, text: pages.join("\n") };
  } finally {
    await doc.destroy();
  }
}
