/** Matching the loose kecamatan and desa names people type against the official table. */
import { didYouMean } from "./did-you-mean.js";
import type { AreaRef } from "./participant.js";
import { foldHeader } from "./columns.js";

/** A desa/kelurahan with the kecamatan it belongs to. */
export interface VillageRef extends AreaRef {
  districtCode: string;
}

/**
 * `ambiguous`: the name fits several official places equally well (a desa name shared by
 * kecamatan when the kecamatan is unknown); the caller should ask for the kecamatan or code.
 */
export type AreaMatch = { ok: true; ref: AreaRef } | { ok: false; suggestion?: string; ambiguous?: AreaRef[] };

export interface DistrictMatcher {
  match(raw: string): AreaMatch;
}

export interface VillageMatcher {
  /** `districtCode` is the person's kecamatan when known; names repeat across kecamatan. */
  match(districtCode: string | undefined, raw: string): AreaMatch;
}

const PREFIXES = new Set(["kec", "kecamatan", "desa", "ds", "kel", "kelurahan", "kab", "kabupaten", "kota"]);

/** Case, diacritics and punctuation folded; spaces collapsed. Keeps prefix words. */
const fold = foldHeader;

/** Drops leading administrative words, but never the whole name (a desa may be called "Kota"). */
function stripPrefixes(folded: string, max = Infinity): string {
  const words = folded.split(" ");
  let i = 0;
  while (i < max && i < words.length - 1 && PREFIXES.has(words[i] as string)) i++;
  return words.slice(i).join(" ");
}

/** `Kec. Bangil`, `KECAMATAN BANGIL`, ` bangil ` -> `bangil`. */
export function normaliseAreaName(s: string): string {
  return stripPrefixes(fold(s));
}

/**
 * Lookup keys from strictest to loosest: how an official name is keyed, and how a raw
 * spelling is. A key shared by two official names is ambiguous at that level, so a loose
 * spelling never silently picks one of two places.
 */
interface KeyLevel {
  official(name: string): string;
  raw(s: string): string;
}
const spaceless = (s: string): string => normaliseAreaName(s).replace(/ /g, "");
const KEY_LEVELS: KeyLevel[] = [
  { official: fold, raw: fold },
  // "Kec. Kota Baru" is the kecamatan "Kota Baru", even where a kecamatan "Baru" exists
  { official: fold, raw: (s) => stripPrefixes(fold(s), 1) },
  { official: normaliseAreaName, raw: normaliseAreaName },
  { official: spaceless, raw: spaceless },
];

class NameIndex<T extends AreaRef> {
  private readonly levels: Map<string, T[]>[];
  private readonly byCode = new Map<string, T>();

  constructor(
    readonly refs: readonly T[],
    private readonly tieBreak: (raw: string, hits: readonly T[]) => T | undefined = () => undefined,
  ) {
    this.levels = KEY_LEVELS.map((level) => {
      const m = new Map<string, T[]>();
      for (const r of refs) {
        const k = level.official(r.name);
        if (k === "") continue;
        const list = m.get(k);
        if (list === undefined) m.set(k, [r]);
        else if (!list.includes(r)) list.push(r);
      }
      return m;
    });
    for (const r of refs) this.byCode.set(r.code, r);
  }

  lookup(raw: string): AreaMatch {
    const trimmed = raw.trim();
    const byCode = this.byCode.get(trimmed);
    if (byCode !== undefined) return { ok: true, ref: toRef(byCode) };
    let ambiguous: T[] | undefined;
    for (let i = 0; i < KEY_LEVELS.length; i++) {
      const k = (KEY_LEVELS[i] as KeyLevel).raw(trimmed);
      if (k === "") return { ok: false };
      const hits = (this.levels[i] as Map<string, T[]>).get(k);
      if (hits === undefined) continue;
      const one = hits.length === 1 ? hits[0] : this.tieBreak(trimmed, hits);
      if (one !== undefined) return { ok: true, ref: toRef(one) };
      ambiguous ??= hits;
    }
    if (ambiguous !== undefined) return { ok: false, ambiguous: ambiguous.map(toRef) };
    const suggestion = suggest(trimmed, this.refs);
    return suggestion === undefined ? { ok: false } : { ok: false, suggestion };
  }
}

function toRef(r: AreaRef): AreaRef {
  return { code: r.code, name: r.name };
}

function suggest(raw: string, refs: readonly AreaRef[]): string | undefined {
  const names = refs.map((r) => r.name);
  return didYouMean(raw, names, normaliseAreaName) ?? didYouMean(raw, names, spaceless);
}

/** Matches kecamatan names (or full codes such as `35.14.14`) of one kabupaten/kota. */
export function createDistrictMatcher(districts: readonly AreaRef[]): DistrictMatcher {
  const index = new NameIndex(districts);
  // The same few dozen spellings repeat over a million rows: one Map lookup each.
  const cache = new Map<string, AreaMatch>();
  return {
    match(raw) {
      let r = cache.get(raw);
      if (r === undefined) {
        r = index.lookup(raw);
        cache.set(raw, r);
      }
      return r;
    },
  };
}

/**
 * Some kecamatan hold a kelurahan and a desa of the same name (e.g. Sorkam Kanan, 12.01.10):
 * the word the person wrote before the name decides, by the official code's kind digit
 * (1 = kelurahan, 2 = desa).
 */
function byKindWord(raw: string, hits: readonly VillageRef[]): VillageRef | undefined {
  const first = fold(raw).split(" ")[0] ?? "";
  const kind = first === "kel" || first === "kelurahan" ? "1" : first === "desa" || first === "ds" ? "2" : undefined;
  if (kind === undefined) return undefined;
  const same = hits.filter((h) => h.code.split(".")[3]?.startsWith(kind));
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Matches desa/kelurahan names (or full codes) of one kabupaten/kota. Within the person's
 * kecamatan when it is known, otherwise across the regency when the name is unique there.
 */
export function createVillageMatcher(villages: readonly VillageRef[]): VillageMatcher {
  const byDistrict = new Map<string, VillageRef[]>();
  for (const v of villages) {
    const list = byDistrict.get(v.districtCode);
    if (list === undefined) byDistrict.set(v.districtCode, [v]);
    else list.push(v);
  }
  const regencyIndex = new NameIndex(villages, byKindWord);
  const districtIndexes = new Map<string, NameIndex<VillageRef>>();
  const cache = new Map<string, AreaMatch>();

  function indexFor(districtCode: string | undefined): NameIndex<VillageRef> {
    // A kecamatan outside this regency tells nothing about where to look: search it all.
    if (districtCode === undefined || !byDistrict.has(districtCode)) return regencyIndex;
    let idx = districtIndexes.get(districtCode);
    if (idx === undefined) {
      idx = new NameIndex(byDistrict.get(districtCode) ?? [], byKindWord);
      districtIndexes.set(districtCode, idx);
    }
    return idx;
  }

  return {
    match(districtCode, raw) {
      const key = `${districtCode ?? ""}\u0000${raw}`;
      let r = cache.get(key);
      if (r === undefined) {
        r = indexFor(districtCode).lookup(raw);
        cache.set(key, r);
      }
      return r;
    },
  };
}
