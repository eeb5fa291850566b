/**
 * Turns the program schema's zod issues into PROGRAM_INVALID findings that name the key
 * path, point at its line and column, and suggest the nearest known key for a typo.
 * The known keys come from the zod object shapes, so they are written down only once.
 */
import { z } from "zod";
import type { LineCounter, Node } from "yaml";
import { didYouMean } from "../domain/did-you-mean.js";
import { finding, type Finding } from "../domain/findings.js";
import { locate } from "./yaml-positions.js";

type Issue = z.core.$ZodIssue;

const localeId = z.locales.id();
const localeEn = z.locales.en();

function text(m: unknown): string {
  if (typeof m === "string") return m;
  if (m && typeof m === "object" && "message" in m) return String((m as { message: unknown }).message);
  return "";
}

/**
 * Per-parse error map: zod's own messages in Indonesian and English. Messages written in
 * the schema (already "id / en") take precedence over this map.
 */
export const bilingualErrors: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === "invalid_type" && iss.input === undefined) return "wajib diisi / required";
  const id = text(localeId.localeError(iss));
  const en = text(localeEn.localeError(iss));
  return id && en ? `${id} / ${en}` : en || id || undefined;
};

/** Follows `path` through the schema (optional, preprocess, arrays) to an object's keys. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (cur instanceof z.ZodObject) cur = (cur.shape as Record<string, z.ZodType>)[String(seg)];
    else if (cur instanceof z.ZodArray) cur = cur.element as z.ZodType;
    else return [];
    cur = cur ? unwrap(cur) : undefined;
  }
  return cur instanceof z.ZodObject ? Object.keys(cur.shape) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) {
      cur = cur.unwrap() as z.ZodType;
    } else if (cur instanceof z.ZodPipe) {
      cur = (cur.in instanceof z.ZodTransform ? cur.out : cur.in) as z.ZodType;
    } else break;
  }
  return cur;
}

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length > 0 ? path.map(String).join(".") : undefined;
}

export function issuesToFindings(
  issues: readonly Issue[],
  ctx: { file: string; root: Node | null; lineCounter: LineCounter; schema: z.ZodType },
): Finding[] {
  const out: Finding[] = [];
  for (const iss of issues) {
    if (iss.code === "unrecognized_keys") {
      const known = knownKeysAt(ctx.schema, iss.path);
      for (const key of iss.keys) {
        const path = [...iss.path, key];
        const args: Record<string, string> = {
          message: `kunci tidak dikenal / unknown key: ${key}`,
          key,
        };
        const suggestion = didYouMean(key, known);
        if (suggestion !== undefined) args.suggestion = suggestion;
        const where = locate(ctx.root, path, ctx.lineCounter, "key");
        out.push(finding("PROGRAM_INVALID", ctx.file, { ...where, field: fieldOf(path) }, args));
      }
      continue;
    }
    const where = locate(ctx.root, iss.path, ctx.lineCounter, "value");
    out.push(finding("PROGRAM_INVALID", ctx.file, { ...where, field: fieldOf(iss.path) }, { message: iss.message }));
  }
  return out;
}
