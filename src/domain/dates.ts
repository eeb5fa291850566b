/**
 * Calendar dates as ISO `yyyy-mm-dd` strings. Day arithmetic uses integer day numbers
 * (days from civil, proleptic Gregorian) rather than `Date`, which maps years 0-99 to
 * 1900-1999 and brings time zones in. `parseDate` runs once per row, so it scans
 * characters instead of trying a list of regexes.
 */

export const BULAN = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
] as const;

export type DateResult = { ok: true; iso: string } | { ok: false; reason: "empty" | "format" | "impossible" };

const MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const names = [
    "januari jan january", "februari feb february pebruari peb", "maret mar march", "april apr",
    "mei may", "juni jun june", "juli jul july", "agustus agu agt ags aug august",
    "september sep sept", "oktober okt oct october", "november nov nopember nop",
    "desember des dec december",
  ];
  names.forEach((line, i) => line.split(" ").forEach((n) => m.set(n, i + 1)));
  return m;
})();

// What may follow a date: a time of day, as Excel and databases write it.
const TIME_PART = /^(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d{1,9})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

// Birth dates repeat (a century has ~36,500 days): each valid date's result is built once.
// Results are shared, so never mutated by callers; the cache is emptied if it ever grows large.
const checkedCache = new Map<number, DateResult>();

function checked(y: number, m: number, d: number): DateResult {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: "impossible" };
  const key = y * 10000 + m * 100 + d;
  let r = checkedCache.get(key);
  if (r === undefined) {
    if (checkedCache.size >= 100_000) checkedCache.clear();
    r = { ok: true, iso: isoOf(y, m, d) };
    checkedCache.set(key, r);
  }
  return r;
}

const FORMAT: DateResult = { ok: false, reason: "format" };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** End index of the run of digits starting at `i`. */
function digitsEnd(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

function num(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

// Birth dates repeat, and are written the same way down a list: a date as typed is read once.
// Only short keys: a substring of 13 or more characters can keep its whole source text alive.
const rawCache = new Map<string, DateResult>();

export function parseDate(raw: string): DateResult {
  if (raw.length > 12) return readDate(raw);
  let r = rawCache.get(raw);
  if (r === undefined) {
    if (rawCache.size >= 100_000) rawCache.clear();
    r = readDate(raw);
    rawCache.set(raw, r);
  }
  return r;
}

function readDate(raw: string): DateResult {
  const s = raw.trim();
  if (s.length === 0) return { ok: false, reason: "empty" };
  const aEnd = digitsEnd(s, 0);
  if (aEnd === 0) return FORMAT;
  if (aEnd === s.length) return aEnd >= 4 && aEnd <= 5 ? excelSerial(s) : FORMAT;
  const sep = s.charCodeAt(aEnd);

  if (aEnd === 4) {
    // yyyy-mm-dd or yyyy/mm/dd, optionally followed by a time
    if (sep !== 45 && sep !== 47) return FORMAT;
    const mEnd = digitsEnd(s, aEnd + 1);
    if (mEnd - aEnd - 1 < 1 || mEnd - aEnd - 1 > 2 || s.charCodeAt(mEnd) !== sep) return FORMAT;
    const dEnd = digitsEnd(s, mEnd + 1);
    if (dEnd - mEnd - 1 < 1 || dEnd - mEnd - 1 > 2) return FORMAT;
    if (dEnd < s.length && !TIME_PART.test(s.slice(dEnd))) return FORMAT;
    return checked(num(s, 0, 4), num(s, aEnd + 1, mEnd), num(s, mEnd + 1, dEnd));
  }
  if (aEnd > 2) return FORMAT;
  const day = num(s, 0, aEnd);

  if (sep === 47 || sep === 45 || sep === 46) {
    const next = s.charCodeAt(aEnd + 1);
    if (isDigit(next)) {
      // dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy, optionally followed by a time
      const mEnd = digitsEnd(s, aEnd + 1);
      if (mEnd - aEnd - 1 > 2 || s.charCodeAt(mEnd) !== sep) return FORMAT;
      const yEnd = digitsEnd(s, mEnd + 1);
      if (yEnd - mEnd - 1 !== 4) return FORMAT;
      if (yEnd < s.length && !TIME_PART.test(s.slice(yEnd))) return FORMAT;
      return checked(num(s, mEnd + 1, yEnd), num(s, aEnd + 1, mEnd), day);
    }
    if (sep === 46) return FORMAT;
  } else if (sep !== 32) {
    return FORMAT;
  }
  return namedMonth(s, aEnd, sep, day);
}

/** `7 November 2022`, `07 Nov 2022`, `7-Nov-2022`, `7/Nov./2022` (after the day number). */
function namedMonth(s: string, i: number, sep: number, day: number): DateResult {
  const spaced = sep === 32;
  i++;
  if (spaced) while (s.charCodeAt(i) === 32) i++;
  const nameStart = i;
  for (let c = s.charCodeAt(i) | 32; c >= 97 && c <= 122; c = s.charCodeAt(i) | 32) i++;
  const month = MONTH_NAMES.get(s.slice(nameStart, i).toLowerCase());
  if (month === undefined) return FORMAT;
  if (s.charCodeAt(i) === 46) i++; // abbreviation dot: `Nov.`
  if (spaced) {
    if (s.charCodeAt(i) !== 32) return FORMAT;
    while (s.charCodeAt(i) === 32) i++;
  } else {
    if (s.charCodeAt(i) !== sep) return FORMAT;
    i++;
  }
  const yEnd = digitsEnd(s, i);
  if (yEnd - i !== 4 || yEnd !== s.length) return FORMAT;
  return checked(num(s, i, yEnd), month, day);
}

function excelSerial(s: string): DateResult {
  const n = num(s, 0, s.length);
  if (n < 1000 || n > 99999) return FORMAT;
  return excelSerialToIso(n);
}

// Day number of 1899-12-30, the base Excel serials > 60 count from.
const EXCEL_EPOCH = dayNumber(1899, 12, 30);

/**
 * Excel's 1900 date system: 1 = 1900-01-01, and Excel believes 1900 was a leap year, so
 * serial 60 is a 29 February that never existed and later serials count from 1899-12-30.
 */
export function excelSerialToIso(serial: number): DateResult {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60) return { ok: false, reason: "impossible" };
  return { ok: true, iso: fromDayNumber(EXCEL_EPOCH + serial + (serial < 60 ? 1 : 0)) };
}

export function isoToExcelSerial(iso: string): number {
  const n = toDayNumber(iso) - EXCEL_EPOCH;
  return n <= 60 ? n - 1 : n;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return isoOf(y, m, d);
}

export function isValidIso(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(i))) return false;
  const y = num(s, 0, 4);
  const m = num(s, 5, 7);
  const d = num(s, 8, 10);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Year, month, day of a valid ISO date; a bug (not bad data) when it is not one. */
function parts(iso: string): [number, number, number] {
  if (!isValidIso(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return [num(iso, 0, 4), num(iso, 5, 7), num(iso, 8, 10)];
}

function toDayNumber(iso: string): number {
  return dayNumber(...parts(iso));
}

export function addDays(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

export function daysInclusive(startIso: string, endIso: string): number {
  return toDayNumber(endIso) - toDayNumber(startIso) + 1;
}

/** `7 November 2022` */
export function formatTanggal(iso: string): string {
  const [, m, d] = parts(iso);
  return `${d} ${BULAN[m - 1]} ${iso.slice(0, 4)}`;
}

/** `7-10 November 2022`, `30 November - 2 Desember 2022`, `30 Desember 2022 - 2 Januari 2023`. */
export function formatRange(startIso: string, endIso: string): string {
  const [y1, m1, d1] = parts(startIso);
  const [y2, m2, d2] = parts(endIso);
  if (startIso > endIso) throw new RangeError(`range ends before it starts: ${startIso} - ${endIso}`);
  if (startIso === endIso) return formatTanggal(startIso);
  if (y1 !== y2) return `${formatTanggal(startIso)} - ${formatTanggal(endIso)}`;
  if (m1 !== m2) return `${d1} ${BULAN[m1 - 1]} - ${formatTanggal(endIso)}`;
  return `${d1}-${d2} ${BULAN[m2 - 1]} ${endIso.slice(0, 4)}`;
}

/** Completed years on `onIso`; someone born on 29 February turns a year older on 1 March. */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = parts(birthIso);
  const [y, m, d] = parts(onIso);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function quarterOf(iso: string): 1 | 2 | 3 | 4 {
  const m = parts(iso)[1];
  return m <= 3 ? 1 : m <= 6 ? 2 : m <= 9 ? 3 : 4;
}

export function romanQuarter(q: 1 | 2 | 3 | 4): "I" | "II" | "III" | "IV" {
  return (["I", "II", "III", "IV"] as const)[q - 1] ?? "IV";
}
