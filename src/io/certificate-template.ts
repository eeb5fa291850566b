/**
 * Certificate templates: an SVG (Inkscape, Canva, a text editor) with {{placeholders}} in
 * its text. The SVG is read once and split into what changes per person (text elements,
 * image boxes, conditional blocks) and the rest, the static graphics that the renderer
 * draws once per document. See docs/certificates.md, "Templates".
 */
import { readFile } from "node:fs/promises";
import type { CertificateFields } from "../domain/certificate-types.js";
import { didYouMean } from "../domain/did-you-mean.js";
import { UserError } from "../errors.js";
import { IDENTITY, classRules, multiply, parseTransform, pointLength, styleOf, type Matrix } from "./svg-style.js";
import { XmlError, parseXml, textContent, type XmlElement } from "./svg-xml.js";
import { readText, type TextItem } from "./certificate-text-model.js";

const SIGNATORY_KEYS = ["nama", "jabatan", "nip", "pangkat"] as const;
const BASE = ["jenis", "nama", "nik", "judul", "penyelenggara", "tempat", "tanggal", "jp", "hasil", "nomor", "tempat_tanggal_terbit", "kode", "mitra"] as const;

/** Every known placeholder name. */
export const PLACEHOLDERS: readonly string[] = [...BASE, ...[1, 2, 3].flatMap((i) => SIGNATORY_KEYS.map((k) => `ttd${i}_${k}`))];
const KNOWN = new Set(PLACEHOLDERS);

/** Ids of the boxes images are fitted into. */
export const BOX_IDS = ["qr", "logo", "ttd1", "ttd2", "ttd3"] as const;
export type BoxId = (typeof BOX_IDS)[number];

/** `data-if="field"`: drawn only when the field is not empty; `data-if="!field"`: only when it is. */
export interface Condition {
  field: string;
  negate: boolean;
}

export interface Box {
  id: BoxId;
  m: Matrix;
  x: number;
  y: number;
  w: number;
  h: number;
  conds: Condition[];
}

export interface CertificateTemplate {
  path: string;
}

/** What the renderer uses; opaque to callers. */
export interface ParsedTemplate extends CertificateTemplate {
  dir: string;
  /** Page size in PDF points. */
  width: number;
  height: number;
  /** User units -> page points (y down). */
  root: Matrix;
  texts: TextItem[];
  boxes: Box[];
  /** The SVG without text and boxes; elements with conditions keep `data-if`. */
  graphics: XmlElement;
  /** Conditions that decide which static graphics are drawn. */
  graphicConds: string[];
}

export const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Field values by placeholder name. */
export function fieldValues(f: CertificateFields): Record<string, string> {
  const v: Record<string, string> = {};
  for (const k of BASE) v[k] = f[k];
  for (let i = 0; i < 3; i++) {
    const s = f.signatories[i];
    v[`ttd${i + 1}_nama`] = s?.nama ?? "";
    v[`ttd${i + 1}_jabatan`] = s?.jabatan ?? "";
    v[`ttd${i + 1}_nip`] = s?.nip ?? "";
    v[`ttd${i + 1}_pangkat`] = s?.pangkat ?? "";
  }
  return v;
}

export function fillText(raw: string, values: Readonly<Record<string, string>>): string {
  return raw.includes("{{") ? raw.replace(PLACEHOLDER_RE, (_, name: string) => values[name] ?? "") : raw;
}

export function condsHold(conds: readonly Condition[], values: Readonly<Record<string, string>>): boolean {
  return conds.every((c) => ((values[c.field] ?? "") !== "") !== c.negate);
}

function invalid(path: string, why: string, line?: number): UserError {
  return new UserError("CERT_TEMPLATE_INVALID", `templat sertifikat tidak dapat dibaca / certificate template is not usable: ${why}`, {
    file: path,
    ...(line !== undefined ? { line } : {}),
    hint: "Simpan ulang sebagai SVG biasa (Inkscape: Plain SVG). / Save it again as plain SVG.",
  });
}

function conditionsOf(el: XmlElement, path: string): Condition[] {
  const out: Condition[] = [];
  const blk = /^ttd([123])-blok$/.exec(el.attrs.id ?? "");
  if (blk) out.push({ field: `ttd${blk[1]}_nama`, negate: false });
  const d = el.attrs["data-if"];
  if (d !== undefined) {
    const m = /^\s*(!?)\s*([a-z0-9_]+)\s*$/.exec(d);
    if (!m || !KNOWN.has(m[2] as string)) throw unknownPlaceholder(path, [m?.[2] ?? d], el.line);
    out.push({ field: m[2] as string, negate: m[1] === "!" });
  }
  return out;
}

function unknownPlaceholder(path: string, names: string[], line: number): UserError {
  const parts = names.map((n) => {
    const dym = didYouMean(n, PLACEHOLDERS);
    return `{{${n}}}${dym ? ` (maksud Anda / did you mean {{${dym}}}?)` : ""}`;
  });
  return new UserError("CERT_TEMPLATE_PLACEHOLDER", `isian tidak dikenal / unknown placeholder ${parts.join(", ")}`, {
    file: path,
    line,
    hint: `Isian yang dikenal / known placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ")}`,
  });
}

/** Reads and checks an SVG template. */
export async function loadTemplate(path: string): Promise<CertificateTemplate> {
  let src: string;
  try {
    src = await readFile(path, "utf8");
  } catch (e) {
    throw invalid(path, `${(e as NodeJS.ErrnoException).code ?? "EIO"}`);
  }
  return parseTemplate(path, src);
}

export function parseTemplate(path: string, src: string): ParsedTemplate {
  let svg: XmlElement;
  try {
    svg = parseXml(src.replace(/^\uFEFF/, ""));
  } catch (e) {
    if (e instanceof XmlError) throw invalid(path, e.message, e.line);
    throw e;
  }
  if (svg.name !== "svg" && !svg.name.endsWith(":svg")) throw invalid(path, `elemen akar <${svg.name}>, bukan <svg> / root is not <svg>`, svg.line);
  const vb = (svg.attrs.viewBox ?? "").split(/[\s,]+/).filter((x) => x !== "").map(Number);
  let width = pointLength(svg.attrs.width);
  let height = pointLength(svg.attrs.height);
  const hasVb = vb.length === 4 && vb.every(Number.isFinite) && (vb[2] as number) > 0 && (vb[3] as number) > 0;
  if (hasVb) {
    width ??= (vb[2] as number) * 0.75;
    height ??= (vb[3] as number) * 0.75;
  }
  if (!width || !height || width < 72 || height < 72 || width > 14400 || height > 14400) throw invalid(path, "ukuran halaman tidak jelas / no usable width, height or viewBox", svg.line);
  let root: Matrix = [0.75, 0, 0, 0.75, 0, 0];
  if (hasVb) {
    const [vx, vy, vw, vh] = vb as [number, number, number, number];
    const s = Math.min(width / vw, height / vh);
    root = [s, 0, 0, s, (width - vw * s) / 2 - vx * s, (height - vh * s) / 2 - vy * s];
  }
  let css = "";
  const collectCss = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.name === "style") css += textContent(c);
      else collectCss(c);
    }
  };
  collectCss(svg);
  const classes = classRules(css);
  const t: ParsedTemplate = { path, dir: path.replace(/[\\/][^\\/]*$/, ""), width, height, root, texts: [], boxes: [], graphics: svg, graphicConds: [] };
  const unknown = new Map<string, number>();
  const graphicConds = new Set<string>();
  const walk = (el: XmlElement, m: Matrix, style: Record<string, string>, conds: Condition[]): XmlElement | undefined => {
    const own = conditionsOf(el, path);
    const all = own.length ? [...conds, ...own] : conds;
    const st = styleOf(el, style, classes);
    if (st.display === "none") return undefined;
    const mm = el === svg ? m : multiply(m, parseTransform(el.attrs.transform));
    const local = el.name.replace(/^svg:/, "");
    const id = el.attrs.id ?? "";
    if ((BOX_IDS as readonly string[]).includes(id)) {
      const n = (k: string): number => Number(el.attrs[k] ?? 0);
      t.boxes.push({ id: id as BoxId, m: mm, x: n("x"), y: n("y"), w: n("width"), h: n("height"), conds: all });
      if (!(n("width") > 0 && n("height") > 0)) throw invalid(path, `kotak id="${id}" perlu width dan height / box id="${id}" needs width and height (use a <rect>)`, el.line);
      return undefined;
    }
    if (local === "text") {
      const item = readText(el, mm, st, classes, all, path);
      for (const p of item.placeholders) if (!KNOWN.has(p) && !unknown.has(p)) unknown.set(p, el.line);
      if (item.split) throw invalid(path, `isian terpotong / a placeholder is split or not closed: "${item.split}"`, el.line);
      t.texts.push(item);
      return undefined;
    }
    const copy: XmlElement = { ...el, children: [] };
    for (const c of el.children) {
      if (typeof c === "string") copy.children.push(c);
      else {
        const k = walk(c, mm, st, all);
        if (k) copy.children.push(k);
      }
    }
    if (own.length) for (const c of own) graphicConds.add(`${c.negate ? "!" : ""}${c.field}`);
    return copy;
  };
  const g = walk(svg, root, {}, []);
  if (unknown.size > 0) throw unknownPlaceholder(path, [...unknown.keys()], [...unknown.values()][0] as number);
  // svg-to-pdfkit takes the viewport from its options: the root's own size would scale it twice
  const attrs = { ...(g as XmlElement).attrs };
  delete attrs.width;
  delete attrs.height;
  if (!hasVb) attrs.viewBox = `0 0 ${width / 0.75} ${height / 0.75}`;
  t.graphics = { ...(g as XmlElement), attrs };
  t.graphicConds = [...graphicConds].sort();
  return t;
}

export { IDENTITY };
