/**
 * Parses one YAML program file into a document tree and a plain value, refusing what a
 * program never needs and what makes YAML dangerous or surprising: several documents,
 * anchors and aliases (billion laughs), tags (`!!python/object`, `!!binary`), deep nesting.
 * Aliases are refused before anything is expanded (toJS() is never called: toPlain()
 * walks the tree), so there is no alias count to tune.
 * The failsafe schema keeps every scalar as text, whatever `%YAML 1.1` says: `yes`, `012`
 * and 16-digit numbers reach the program schema exactly as written.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";
import { finding, type Finding } from "../domain/findings.js";
import { isEmptyNode, keyText, positionOf, propertyStart } from "./yaml-positions.js";

export interface ParsedYaml {
  /** The top node of the only document; null for a file with nothing in it. */
  root: Node | null;
  lineCounter: LineCounter;
  /** YAML_SYNTAX findings; when there are any the tree must not be used. */
  findings: Finding[];
}

/** A program is four levels deep at most; anything far deeper is refused, not recursed into. */
const MAX_DEPTH = 32;
const ALLOWED_TAGS = new Set(["tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]);

const MESSAGES: Record<string, string> = {
  tab: "tab tidak boleh dipakai untuk indentasi, pakai spasi / tabs are not allowed as indentation, use spaces",
  "duplicate-key": "kunci ini sudah ada di atas / this key was already given above",
  "several-documents": "satu berkas hanya boleh berisi satu program (hapus `---`) / one file may hold one program only (remove `---`)",
  alias: "anchor (&) dan alias (*) tidak didukung / anchors (&) and aliases (*) are not supported",
  tag: "tag YAML tidak didukung / YAML tags are not supported",
  depth: "struktur terlalu dalam / nesting too deep",
  key: "kunci harus berupa teks biasa yang tidak kosong / keys must be plain, non-empty text",
};

const REASONS: Record<string, string> = { TAB_AS_INDENT: "tab", DUPLICATE_KEY: "duplicate-key" };

export function parseYaml(src: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(src, {
    schema: "failsafe",
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const report = (reason: string, offset: number, extra: Record<string, string> = {}) =>
    findings.push(finding("YAML_SYNTAX", file, positionOf(lineCounter, offset), { reason, message: MESSAGES[reason] ?? reason, ...extra }));

  for (const doc of list) {
    for (const e of doc.errors) {
      const reason = REASONS[e.code] ?? "syntax";
      const extra: Record<string, string> = { detail: e.message };
      if (reason === "syntax") extra.message = `kesalahan sintaks YAML / YAML syntax error: ${e.message}`;
      if (reason === "duplicate-key") extra.key = /^[^:\n]*/.exec(src.slice(e.pos[0]))?.[0].trim() ?? "";
      report(reason, e.pos[0], extra);
    }
  }
  for (const doc of list.slice(1)) report("several-documents", doc.range[0]);
  const root = (list[0]?.contents ?? null) as Node | null;
  if (root) checkNodes(root, src, report);
  return { root, lineCounter, findings };
}

function checkNodes(root: Node, src: string, report: (reason: string, offset: number, extra?: Record<string, string>) => void): void {
  // One finding per anchor name (a billion-laughs file has hundreds of aliases to nine anchors)
  const named = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (node === null || node === undefined) return;
    if (isAlias(node)) {
      if (!named.has(node.source)) report("alias", node.range?.[0] ?? 0, { alias: node.source });
      named.add(node.source);
      return;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
    const start = node.range?.[0] ?? 0;
    if (node.anchor) {
      report("alias", propertyStart(src, start), { anchor: node.anchor });
      named.add(node.anchor);
    }
    if (node.tag && !ALLOWED_TAGS.has(node.tag)) report("tag", propertyStart(src, start), { tag: node.tag });
    if (isScalar(node)) return;
    if (depth >= MAX_DEPTH) {
      report("depth", start);
      return;
    }
    if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
      return;
    }
    for (const pair of node.items) {
      if (!isScalar(pair.key) || isEmptyNode(pair.key)) {
        const at = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? start;
        report("key", at);
      }
      walk(pair.key, depth + 1);
      walk(pair.value, depth + 1);
    }
  };
  walk(root, 0);
}

/**
 * The document as plain data for the schema: maps become objects, lists arrays, scalars
 * text. An empty value (`key:`, `~`, `null`) becomes `undefined`, i.e. "not given".
 * Only call this on a tree without findings (no aliases, bounded depth).
 */
export function toPlain(node: unknown): unknown {
  if (isEmptyNode(node) || isNullWord(node)) return undefined;
  if (isScalar(node)) return String(node.value);
  if (isSeq(node)) return node.items.map((item) => toPlain(item));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = keyText(pair.key);
      const value = toPlain(pair.value);
      if (key === undefined || value === undefined) continue;
      // defineProperty: a key named `__proto__` stays an ordinary (unknown) key
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return undefined;
}

function isNullWord(node: unknown): boolean {
  return isScalar(node) && node.type === "PLAIN" && /^(?:~|null|Null|NULL)$/.test(String(node.value));
}
