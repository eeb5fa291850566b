/**
 * A small XML reader and writer for certificate templates: elements, attributes, text,
 * CDATA; comments, processing instructions and the DOCTYPE are skipped. Enough for SVG
 * from Inkscape, Canva or a text editor, with the line of each element for messages.
 * External entities are never resolved (only the five XML ones and character references).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string, line = 0): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);|&/g, (m, e: string | undefined) => {
    if (e === undefined) throw new XmlError("'&' tanpa entitas / bare '&' (write &amp;)", line);
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new XmlError(`entitas tidak dikenal / unknown entity ${m}`, line);
    return v;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${c === "<" ? "lt" : c === ">" ? "gt" : c === "&" ? "amp" : c === '"' ? "quot" : "apos"};`);
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ATTR = /\s*([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

export function parseXml(src: string): XmlElement {
  let i = 0;
  let line = 1;
  const lineAt = (to: number): number => {
    for (let k = i; k < to; k++) if (src.charCodeAt(k) === 10) line++;
    i = to;
    return line;
  };
  const root: XmlElement = { name: "#root", attrs: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => stack[stack.length - 1] as XmlElement;
  const skipTo = (end: string, what: string): void => {
    const j = src.indexOf(end, i);
    if (j < 0) throw new XmlError(`${what} tidak ditutup / not closed`, line);
    lineAt(j + end.length);
  };
  while (i < src.length) {
    const lt = src.indexOf("<", i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      const l = line;
      lineAt(textEnd);
      if (stack.length > 1) top().children.push(decodeEntities(raw, l));
      else if (raw.trim() !== "") throw new XmlError("teks di luar elemen / text outside the root element", l);
    }
    if (lt < 0) break;
    if (src.startsWith("<!--", i)) skipTo("-->", "komentar / comment");
    else if (src.startsWith("<![CDATA[", i)) {
      const j = src.indexOf("]]>", i);
      if (j < 0) throw new XmlError("CDATA tidak ditutup / not closed", line);
      top().children.push(src.slice(i + 9, j));
      lineAt(j + 3);
    } else if (src.startsWith("<?", i)) skipTo("?>", "instruksi / processing instruction");
    else if (src.startsWith("<!DOCTYPE", i)) {
      if (/<!DOCTYPE[^>[]*\[/y.test(src.slice(i, i + 400))) throw new XmlError("DOCTYPE dengan entitas tidak didukung / DOCTYPE with entities is not supported", line);
      skipTo(">", "DOCTYPE");
    } else if (src.startsWith("</", i)) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(src);
      const el = top();
      if (!m || m[0] !== el.name) throw new XmlError(`tag penutup tidak cocok / mismatched closing tag </${m?.[0] ?? ""}> (expected </${el.name}>)`, line);
      const gt = src.indexOf(">", NAME.lastIndex);
      if (gt < 0) throw new XmlError("tag tidak ditutup / unclosed tag", line);
      stack.pop();
      lineAt(gt + 1);
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(src);
      if (!m) throw new XmlError("nama elemen tidak sah / invalid element name", line);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], line };
      let k = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = k;
        const a = ATTR.exec(src);
        if (!a) break;
        el.attrs[a[1] as string] = decodeEntities(a[3] ?? a[4] ?? "", line);
        k = ATTR.lastIndex;
      }
      const rest = /\s*(\/?)>/y;
      rest.lastIndex = k;
      const r = rest.exec(src);
      if (!r) throw new XmlError(`tag <${el.name}> tidak sah / malformed tag`, line);
      if (stack.length === 1 && root.children.some((c) => typeof c !== "string")) throw new XmlError("lebih dari satu elemen akar / more than one root element", line);
      top().children.push(el);
      if (r[1] !== "/") stack.push(el);
      lineAt(rest.lastIndex);
    }
  }
  if (stack.length > 1) throw new XmlError(`<${top().name}> tidak ditutup / not closed`, top().line);
  const el = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!el) throw new XmlError("tidak ada elemen / no element", 1);
  return el;
}

export function serializeXml(el: XmlElement): string {
  let s = `<${el.name}`;
  for (const [k, v] of Object.entries(el.attrs)) s += ` ${k}="${escapeXml(v)}"`;
  if (el.children.length === 0) return `${s}/>`;
  s += ">";
  for (const c of el.children) s += typeof c === "string" ? escapeXml(c) : serializeXml(c);
  return `${s}</${el.name}>`;
}

export function textContent(n: XmlNode): string {
  return typeof n === "string" ? n : n.children.map(textContent).join("");
}
