/**
 * The official region table (Kepmendagri), read from the CSV files of the `idn-area-data`
 * package. Its JS is not imported: it declares Node 22 and we support Node 20.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import type { VillageRef } from "../domain/area-names.js";
import type { AreaRef } from "../domain/participant.js";
import { UserError } from "../errors.js";

export type { VillageRef } from "../domain/area-names.js";

export interface RegencyInfo {
  code: string;
  /** As in the table, e.g. "Kabupaten Pasuruan", "Kota Pasuruan". */
  name: string;
  province: AreaRef;
}

export interface AreaIndex {
  regency(code: string): RegencyInfo | undefined;
  regencyExists(code: string): boolean;
  provinceExists(code: string): boolean;
  /** Kecamatan of a kabupaten/kota, sorted by code. */
  districtsOf(regencyCode: string): AreaRef[];
  /** Any kecamatan of Indonesia, e.g. "35.14.14". */
  district(code: string): AreaRef | undefined;
}

type Row = Record<string, string>;

function dataDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")), "data");
  } catch {
    throw new UserError("AREA_DATA_MISSING", "Tabel kode wilayah (paket idn-area-data) tidak ditemukan.", {
      hint: "Pasang ulang pelatihan (npm install) / reinstall pelatihan: the idn-area-data package is missing.",
    });
  }
}

async function readDataFile(name: string): Promise<string> {
  const file = join(dataDir(), name);
  try {
    const text = await readFile(file, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    throw new UserError("AREA_DATA_MISSING", `Tabel kode wilayah tidak dapat dibaca: ${file}`, {
      file,
      hint: `Pasang ulang pelatihan / reinstall pelatihan (${(e as Error).message})`,
    });
  }
}

function parseRows(text: string, file: string, columns: readonly string[]): Row[] {
  const res = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  const fields = res.meta.fields ?? [];
  const missing = columns.filter((c) => !fields.includes(c));
  if (res.errors.length > 0 || missing.length > 0) {
    const why = missing.length > 0 ? `kolom hilang / missing columns: ${missing.join(", ")}` : res.errors[0]?.message;
    throw new UserError("AREA_DATA_BROKEN", `Tabel kode wilayah rusak: ${file} (${why})`, { file });
  }
  return res.data;
}

function cell(row: Row, col: string): string {
  return (row[col] ?? "").trim();
}

let indexPromise: Promise<AreaIndex> | undefined;

/** Provinces, regencies and kecamatan (~200 KB), read once per process. */
export function loadAreaIndex(): Promise<AreaIndex> {
  indexPromise ??= buildIndex().catch((e: unknown) => {
    indexPromise = undefined;
    throw e;
  });
  return indexPromise;
}

async function buildIndex(): Promise<AreaIndex> {
  const [p, r, d] = await Promise.all(["provinces.csv", "regencies.csv", "districts.csv"].map(readDataFile));
  const provinces = new Map<string, AreaRef>();
  for (const row of parseRows(p as string, "provinces.csv", ["code", "name"])) {
    const code = cell(row, "code");
    provinces.set(code, { code, name: cell(row, "name") });
  }
  const regencies = new Map<string, RegencyInfo>();
  for (const row of parseRows(r as string, "regencies.csv", ["code", "province_code", "name"])) {
    const code = cell(row, "code");
    const pc = cell(row, "province_code");
    const province = provinces.get(pc) ?? { code: pc, name: "" };
    regencies.set(code, { code, name: cell(row, "name"), province: { ...province } });
  }
  const districts = new Map<string, AreaRef>();
  const byRegency = new Map<string, AreaRef[]>();
  for (const row of parseRows(d as string, "districts.csv", ["code", "regency_code", "name"])) {
    const ref = { code: cell(row, "code"), name: cell(row, "name") };
    districts.set(ref.code, ref);
    const rc = cell(row, "regency_code");
    const list = byRegency.get(rc);
    if (list === undefined) byRegency.set(rc, [ref]);
    else list.push(ref);
  }
  for (const list of byRegency.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Callers get copies: the cached table must not change under another program of the run.
  return {
    regency: (code) => {
      const r = regencies.get(code.trim());
      return r === undefined ? undefined : { ...r, province: { ...r.province } };
    },
    regencyExists: (code) => regencies.has(code.trim()),
    provinceExists: (code) => provinces.has(code.trim()),
    districtsOf: (code) => (byRegency.get(code.trim()) ?? []).map((x) => ({ ...x })),
    district: (code) => {
      const x = districts.get(code.trim());
      return x === undefined ? undefined : { ...x };
    },
  };
}

let villagesText: Promise<string> | undefined;
const villagesByRegency = new Map<string, Promise<VillageRef[]>>();

/** Desa/kelurahan of one kabupaten/kota (e.g. "35.14"), sorted as in the table; cached. */
export function loadVillages(regencyCode: string): Promise<VillageRef[]> {
  const code = regencyCode.trim();
  let p = villagesByRegency.get(code);
  if (p === undefined) {
    villagesText ??= readDataFile("villages.csv").catch((e: unknown) => {
      villagesText = undefined;
      throw e;
    });
    p = villagesText.then((text) => villagesOf(text, code));
    p.catch(() => villagesByRegency.delete(code));
    villagesByRegency.set(code, p);
  }
  return p.then((list) => list.map((v) => ({ ...v })));
}

/**
 * Parses only the stretch of the 2.8 MB file between the first and the last line of the
 * regency (rows start with their code), instead of all 83k rows. Rows inside that stretch
 * are still checked, so the result is right even if the file were not sorted.
 */
function villagesOf(text: string, regencyCode: string): VillageRef[] {
  if (!/^\d{2}\.\d{2}$/.test(regencyCode)) return [];
  const headerEnd = text.indexOf("\n");
  const header = text.slice(0, headerEnd < 0 ? text.length : headerEnd).replace(/\r$/, "");
  const cols = header.split(",");
  const iCode = cols.indexOf("code");
  const iDistrict = cols.indexOf("district_code");
  const iName = cols.indexOf("name");
  if (iCode < 0 || iDistrict < 0 || iName < 0) {
    throw new UserError("AREA_DATA_BROKEN", `Tabel kode wilayah rusak: villages.csv (${header})`, { file: "villages.csv" });
  }
  const needle = `\n${regencyCode}.`;
  const first = text.indexOf(needle);
  if (first < 0) return [];
  const last = text.lastIndexOf(needle);
  const lastEnd = text.indexOf("\n", last + 1);
  const chunk = text.slice(first + 1, lastEnd < 0 ? text.length : lastEnd);
  const res = Papa.parse<string[]>(chunk, { header: false, skipEmptyLines: true });
  if (res.errors.length > 0) {
    throw new UserError("AREA_DATA_BROKEN", `Tabel kode wilayah rusak: villages.csv (${res.errors[0]?.message})`, { file: "villages.csv" });
  }
  const prefix = `${regencyCode}.`;
  const out: VillageRef[] = [];
  for (const row of res.data) {
    const code = (row[iCode] ?? "").trim();
    if (!code.startsWith(prefix)) continue;
    out.push({ code, name: (row[iName] ?? "").trim(), districtCode: (row[iDistrict] ?? "").trim() });
  }
  return out;
}
