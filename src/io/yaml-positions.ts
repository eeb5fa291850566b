/**
 * Maps a key path such as `["quota", "groups", 0, "min"]` back to a line and column in
 * the YAML source, so that a schema problem points at the place the user has to edit.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

export function positionOf(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** A plain scalar with no text (`key:`) stands for "no value". */
export function isEmptyNode(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(node) && node.type === "PLAIN" && (node.source ?? "") === "" && node.value === "";
}

export function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/**
 * Where to point for `path`: `prefer: "value"` gives the value when it is a written
 * scalar and otherwise the key (block maps and lists start on later lines; an empty value
 * has no place of its own); `prefer: "key"` always gives the key. When the path does not
 * exist (a missing required key), the deepest part that exists is given: the parent.
 */
export function locate(root: Node | null, path: readonly PropertyKey[], lc: LineCounter, prefer: "value" | "key" = "value"): Position {
  let cur: unknown = root;
  let anchor: Node | null = root;
  for (const seg of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) break;
      anchor = isScalar(pair.key) ? pair.key : anchor;
      cur = pair.value;
    } else if (isSeq(cur) && typeof seg === "number") {
      const item = cur.items[seg];
      if (!item) break;
      anchor = item as Node;
      cur = item;
    } else {
      break;
    }
  }
  const target = prefer === "value" && isScalar(cur) && !isEmptyNode(cur) ? cur : anchor;
  const offset = target?.range?.[0];
  return offset === undefined ? { line: 1, column: 1 } : positionOf(lc, offset);
}

/**
 * Start of the tag or anchor written before a node (`!foo bar`, `&a [1]`): the node's own
 * range begins after it, but the user should be sent to the `!` or `&`.
 */
export function propertyStart(src: string, nodeStart: number): number {
  let i = nodeStart;
  while (i > 0 && /\s/.test(src[i - 1] ?? "")) i--;
  const end = i;
  while (i > 0 && !/[\s,[{]/.test(src[i - 1] ?? "")) i--;
  return i < end && (src[i] === "!" || src[i] === "&") ? i : nodeStart;
}
