/**
 * One parser per participant column. Each returns a value or a failure and never throws:
 * the caller turns failures into findings. They run once per cell on lists of a million
 * rows, so most are a single Map lookup on the trimmed, lower-cased text.
 */
import { DISABILITIES, type Disability, type Sex } from "./participant.js";

const WHITESPACE_RUN = /\s+/g;

/** Lower-cased, trimmed, inner whitespace runs made one space. */
function norm(raw: string): string {
  const s = raw.trim().toLowerCase();
  return s.includes("  ") || s.includes("\t") || s.includes("\u00a0") ? s.replace(WHITESPACE_RUN, " ") : s;
}

function table<T>(entries: [T, string][]): ReadonlyMap<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words.split("|")) m.set(w, value);
  return m;
}

const SEX = table<Sex>([
  ["L", "l|laki-laki|laki laki|lelaki|pria|male"],
  ["P", "p|perempuan|wanita|female"],
]);

// Shared results: parseSex runs on every row and "L"/"P" are nearly all of them.
const SEX_L = Object.freeze({ ok: true, value: "L" } as const);
const SEX_P = Object.freeze({ ok: true, value: "P" } as const);

export function parseSex(raw: string): { ok: true; value: Sex | undefined } | { ok: false } {
  if (raw === "L") return SEX_L;
  if (raw === "P") return SEX_P;
  const k = norm(raw);
  if (k === "") return { ok: true, value: undefined };
  const value = SEX.get(k);
  return value === undefined ? { ok: false } : { ok: true, value };
}

// Keys are lower case with `-` and whitespace runs made one space ("sensorik-netra").
const DISABILITY_WORDS = table<readonly Disability[]>([
  [["fisik"], "fisik|daksa|tuna daksa|tunadaksa"],
  [["intelektual"], "intelektual|grahita|tunagrahita|tuna grahita"],
  [["mental"], "mental|psikososial"],
  [["netra"], "netra|tunanetra|tuna netra|sensorik netra"],
  [["rungu"], "rungu|tunarungu|tuna rungu|tuli|sensorik rungu"],
  [["wicara"], "wicara|tunawicara|tuna wicara|bisu|sensorik wicara"],
  [["rungu", "wicara"], "rungu wicara|tunarungu wicara|tuna rungu wicara"],
  [[], "|tidak ada|tidak|none|non|0|non disabilitas|nondisabilitas"],
]);
const NONE_DASH = /^-+$/;
// Results are shared between rows (no copy per row): frozen, so that nothing can change them.
const NONE: readonly Disability[] = Object.freeze([]);
for (const ds of DISABILITY_WORDS.values()) Object.freeze(ds);
const DISABILITY_SEPARATOR = /[,;/+&]|\bdan\b/i;
const DASH_OR_SPACE_RUN = /[-\s]+/g;

function disabilityKey(token: string): string {
  const k = token.toLowerCase().replace(DASH_OR_SPACE_RUN, " ").trim();
  return k.startsWith("disabilitas ") ? k.slice(12) : k;
}

/**
 * Disabilities in DISABILITIES order, without repeats. `ganda` or `sensorik` alone do not
 * say which disabilities a person has, so they fail like any word not understood.
 */
export function parseDisabilities(raw: string): { ok: true; values: readonly Disability[] } | { ok: false; bad: string } {
  const s = raw.trim();
  // A table key is its own disabilityKey: one lookup for the usual `-` / `fisik` / ``.
  const exact = s === "-" ? NONE : DISABILITY_WORDS.get(s);
  if (exact !== undefined) return { ok: true, values: exact };
  if (NONE_DASH.test(s)) return { ok: true, values: NONE };
  const whole = DISABILITY_WORDS.get(disabilityKey(s));
  if (whole !== undefined) return { ok: true, values: whole };

  const found = new Set<Disability>();
  let tokens = 0;
  for (const part of s.split(DISABILITY_SEPARATOR)) {
    const token = part.trim();
    if (token === "" || NONE_DASH.test(token)) continue;
    const ds = DISABILITY_WORDS.get(disabilityKey(token));
    if (ds === undefined) return { ok: false, bad: token };
    for (const d of ds) found.add(d);
    tokens++;
  }
  // Only separators (`dan`, `, ,`): nothing was said.
  if (tokens === 0) return { ok: false, bad: s };
  return { ok: true, values: DISABILITIES.filter((d) => found.has(d)) };
}

const ATTENDANCE = table<boolean>([
  [true, "h|hadir|1|ya|y|v|\u2713|\u2714|\u221a|\u2611"],
  [false, "|i|s|a|izin|ijin|sakit|alpa|alpha|0|tidak|tidak hadir|t|x|\u2717|\u2718|-"],
]);

/** true = present (only H-like marks), false = absent, undefined = not understood. */
export function parseAttendance(raw: string): boolean | undefined {
  // the marks of nearly every cell, without trimming or lower-casing
  if (raw === "H" || raw === "1") return true;
  if (raw === "" || raw === "A" || raw === "0") return false;
  return ATTENDANCE.get(norm(raw));
}

const YES_NO = table<boolean>([
  [true, "ya|iya|y|yes|1|true|v|sudah|pernah"],
  [false, "|tidak|tdk|t|no|0|false|x|belum|-|tidak pernah|belum pernah"],
]);

export function parseYesNo(raw: string): boolean | undefined {
  return YES_NO.get(norm(raw));
}

/** The result for an empty cell, shared: callers never change results. */
const EMPTY_OK = Object.freeze({ ok: true } as const);

/**
 * Phone numbers normalised to `08...`: `+62`, `62` and `0062` become `0`, and a number
 * starting with 8 gets back the 0 that Excel dropped. Spaces, dashes, dots and
 * parentheses are separators.
 */
export function parsePhone(raw: string): { ok: true; value?: string } | { ok: false } {
  let s = raw.trim();
  if (s.charCodeAt(0) === 39) s = s.slice(1);
  // Most numbers are plain digits: take them as one slice instead of char by char.
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  let d = i === s.length ? s : s.slice(0, i);
  let plus = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) d += s[i];
    else if (c === 43 && d === "" && !plus) plus = true;
    else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41 && c !== 9 && c !== 0xa0) return { ok: false };
  }
  if (d === "") return plus ? { ok: false } : EMPTY_OK;
  if (plus && !d.startsWith("62")) return { ok: false };
  if (d.startsWith("0062")) d = d.slice(2);
  if (d.startsWith("62")) d = d.charCodeAt(2) === 48 ? d.slice(2) : `0${d.slice(2)}`;
  else if (d.charCodeAt(0) === 56) d = `0${d}`;
  if (d.charCodeAt(0) !== 48 || d.length < 9 || d.length > 14) return { ok: false };
  return { ok: true, value: d };
}

const SCORE = /^\d{1,3}(?:[.,]\d+)?$/;

/** A score 0-100 with a comma or dot decimal; empty or `-` means not assessed. */
export function parseScore(raw: string): { ok: true; value?: number } | { ok: false } {
  const s = raw.trim();
  if (s === "" || s === "-") return EMPTY_OK;
  if (!SCORE.test(s)) return { ok: false };
  const value = Number(s.replace(",", "."));
  return value <= 100 ? { ok: true, value } : { ok: false };
}

const NIB = /^\d+(?: +\d+)*$/;
const SPACES = / +/g;

/** NIB (Nomor Induk Berusaha, from OSS): 13 digits, spaces allowed between groups. */
export function parseNib(raw: string): { ok: true; value?: string } | { ok: false } {
  let s = raw.trim();
  if (s.charCodeAt(0) === 39) s = s.slice(1);
  if (s === "" || s === "-") return EMPTY_OK;
  if (!NIB.test(s)) return { ok: false };
  const value = s.replace(SPACES, "");
  return value.length === 13 ? { ok: true, value } : { ok: false };
}

function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Control, bidi and zero-width characters: invisible, and able to disguise a name. */
function isRemoved(c: number): boolean {
  return (
    c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x061c
  );
}

const MAX_NAME = 150;

/**
 * Name as written minus invisible characters, with whitespace runs made one space.
 * `changed` when a character was removed or a whitespace run inside the name was not a
 * single plain space (trimming the ends alone is not a change). `suspicious` for markup
 * or a name longer than 150 characters.
 */
export function cleanName(raw: string): { name: string; changed: boolean; suspicious: boolean } {
  // Nearly every name is printable ASCII words with one space between them: nothing to clean.
  const n = raw.length;
  let i = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c > 32 && c < 127 && c !== 60 && c !== 62) continue;
    if (c !== 32 || i === 0 || i === n - 1 || raw.charCodeAt(i - 1) === 32) break;
  }
  if (i === n && n > 0 && n <= MAX_NAME) return { name: raw, changed: false, suspicious: false };
  return cleanNameSlow(raw);
}

function cleanNameSlow(raw: string): { name: string; changed: boolean; suspicious: boolean } {
  let name = "";
  let changed = false;
  let start = -1; // start of the current slice of kept characters, -1 when none is open
  let gap = 0; // whitespace since the last kept character: 0 none, 1 one plain space, 2 other
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const space = isSpace(c);
    if (!space && !isRemoved(c)) {
      if (start < 0) {
        if (gap !== 0 && name !== "") {
          name += " ";
          if (gap === 2) changed = true;
        }
        gap = 0;
        start = i;
      }
      continue;
    }
    if (start >= 0) {
      name += raw.slice(start, i);
      start = -1;
    }
    if (space) gap = gap === 0 && c === 32 ? 1 : 2;
    else changed = true;
  }
  if (start >= 0) name += start === 0 ? raw : raw.slice(start);
  const suspicious = name.includes("<") || name.includes(">") || codePointLength(name) > MAX_NAME;
  return { name, changed, suspicious };
}

function codePointLength(s: string): number {
  if (s.length <= MAX_NAME) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
