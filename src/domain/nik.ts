/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS`. Called once per row on
 * lists of a million rows, so the common case (16 clean digits) is read char by char with
 * no regex, no substring parsing and no exceptions.
 */

export type NikFailure = "empty" | "scientific" | "chars" | "length" | "date" | "serial" | "region";

export type NikResult =
  | {
      ok: true;
      nik: string;
      /** "35" */
      provinceCode: string;
      /** "35.14" */
      regencyCode: string;
      /** "35.14.01" */
      districtCode: string;
      /** Real day of birth, 1-31 (40 already removed for women). */
      day: number;
      month: number;
      /** Two-digit year, 0-99: the century is not in the NIK. */
      yy: number;
      sex: "L" | "P";
      serial: string;
      /** The NIK as two numbers, its first and last 8 digits (keys of NikTable). */
      high: number;
      low: number;
    }
  | { ok: false; reason: NikFailure; length?: number };

export type NikOk = Extract<NikResult, { ok: true }>;

// Excel turns a 16-digit number into `3.51401E+15` (or `3,51401E+15` in comma locales).
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d*)?\s*e\s*[+-]?\d+$/i;

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Trim, then drop one leading apostrophe (Excel's "this cell is text" marker). */
function clean(raw: string): string {
  const s = raw.trim();
  return s.charCodeAt(0) === 39 ? s.slice(1) : s;
}

function digit(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function notDigits(s: string): NikResult {
  return { ok: false, reason: SCIENTIFIC.test(s) ? "scientific" : "chars" };
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

interface RegionCodes {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
}

// A list's NIKs share a few dozen kecamatan: their code strings are built once, not per row.
const regionCache = new Map<number, RegionCodes>();

function regionCodes(key: number, s: string): RegionCodes {
  let r = regionCache.get(key);
  if (r === undefined) {
    if (regionCache.size >= 10_000) regionCache.clear();
    const provinceCode = s.slice(0, 2);
    const regencyCode = `${provinceCode}.${s.slice(2, 4)}`;
    r = { provinceCode, regencyCode, districtCode: `${regencyCode}.${s.slice(4, 6)}` };
    regionCache.set(key, r);
  }
  return r;
}

export function parseNik(raw: string): NikResult {
  const s = clean(raw);
  if (s.length === 0) return { ok: false, reason: "empty" };
  // 16 digits, read once into two 8-digit numbers; the fields are taken from those
  let high = 0;
  let low = 0;
  if (s.length === 16) {
    for (let i = 0; i < 16; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return notDigits(s);
      if (i < 8) high = high * 10 + (c - 48);
      else low = low * 10 + (c - 48);
    }
  } else if (!allDigits(s)) return notDigits(s);
  else return { ok: false, reason: "length", length: s.length };

  const province = Math.floor(high / 1e6);
  const regency = Math.floor(high / 1e4) % 100;
  const district = Math.floor(high / 100) % 100;
  if (province < 11 || regency === 0 || district === 0) return { ok: false, reason: "region" };

  const dd = high % 100;
  const month = Math.floor(low / 1e6);
  const yy = Math.floor(low / 1e4) % 100;
  if (dd === 0 || (dd > 31 && dd < 41) || dd > 71 || month === 0 || month > 12) {
    return { ok: false, reason: "date" };
  }
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  // 29 February: 19yy and 20yy are both leap when yy % 4 === 0, except 1900 (but 2000 is).
  if (day > (DAYS_IN_MONTH[month] ?? 0) || (month === 2 && day === 29 && yy % 4 !== 0)) {
    return { ok: false, reason: "date" };
  }
  if (low % 10000 === 0) return { ok: false, reason: "serial" };

  const codes = regionCodes(Math.floor(high / 100), s);
  return {
    ok: true,
    nik: s,
    provinceCode: codes.provinceCode,
    regencyCode: codes.regencyCode,
    districtCode: codes.districtCode,
    day,
    month,
    yy,
    sex: female ? "P" : "L",
    serial: s.slice(12),
    high,
    low,
  };
}

/** True when day, month and the two-digit year of `isoDate` (yyyy-mm-dd) agree with the NIK. */
export function nikMatchesBirthDate(n: NikOk, isoDate: string): boolean {
  if (isoDate.length !== 10 || isoDate.charCodeAt(4) !== 45 || isoDate.charCodeAt(7) !== 45) return false;
  const yy = digit(isoDate, 2) * 10 + digit(isoDate, 3);
  const month = digit(isoDate, 5) * 10 + digit(isoDate, 6);
  const day = digit(isoDate, 8) * 10 + digit(isoDate, 9);
  return day === n.day && month === n.month && yy === n.yy;
}

/**
 * `3514********0002` for a NIK. Any other text never shows more than 8 of its characters:
 * 12 or more show the first and last 4, shorter ones are all stars. Surrounding whitespace
 * and Excel's leading apostrophe are dropped first; characters are code points, so a
 * surrogate pair is never split.
 */
export function maskNik(raw: string): string {
  const s = clean(raw);
  if (s.length === 16 && allDigits(s)) return `${s.slice(0, 4)}********${s.slice(12)}`;
  const chars = Array.from(s);
  const n = chars.length;
  if (n < 12) return "*".repeat(n);
  return chars.slice(0, 4).join("") + "*".repeat(n - 8) + chars.slice(n - 4).join("");
}
