/**
 * Certificate templates as a small element tree: elements, attributes, text, CDATA, with
 * the line of each element for messages (read by saxes); and the writer back to SVG.
 * Entities: only the five XML ones and character references.
 */
import { SaxesParser } from "saxes";

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

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${c === "<" ? "lt" : c === ">" ? "gt" : c === "&" ? "amp" : c === '"' ? "quot" : "apos"};`);
}

/**
 * Parses with saxes (strict XML; the DTD is never read, so no entity of a template's own
 * can expand). Each element keeps the line its tag starts on, for messages.
 */
export function parseXml(src: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: "#root", attrs: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => stack[stack.length - 1] as XmlElement;
  let tagLine = 1;
  parser.on("error", (e) => {
    // saxes's message starts with line:column
    throw new XmlError(`XML tidak sah / invalid XML: ${e.message}`, parser.line);
  });
  parser.on("opentagstart", () => {
    tagLine = parser.line;
  });
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attrs: { ...tag.attributes }, children: [], line: tagLine };
    top().children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (t) => {
    if (stack.length > 1) top().children.push(t);
  });
  parser.on("cdata", (t) => {
    top().children.push(t);
  });
  parser.write(src).close();
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
