#!/usr/bin/env node
/**
 * Writes the sample workspace data/: the programs of Disperindag Kabupaten Pasuruan in
 * 2021-2022 and their participant lists. Every person is invented. Deterministic: a seeded
 * PRNG and fixed dates, so rerunning gives the same bytes (`node scripts/make-sample-data.js`).
 *
 * The lists are meant to look like lists offices really keep (varied header spellings, a
 * `;` file, a BOM file, mixed date forms, `Kec. Bangil`) while staying valid: `pelatihan
 * validate` on data/ must exit 0, with only a few realistic warnings (one NIK registered
 * in Kota Pasuruan, two people who attended two programs of 2022).
 *
 * Usage: node scripts/make-sample-data.js [FOLDER]   (default: the repository; writes FOLDER/data/)
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { PROGRAMS } from "./sample-programs.js";

const ROOT = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..");
const AREA = join(dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")), "data");

// --- deterministic randomness --------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20221107);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;

// --- region table --------------------------------------------------------------------
function readCsv(name) {
  return Papa.parse(readFileSync(join(AREA, name), "utf8"), { header: true, skipEmptyLines: true }).data;
}
const DISTRICTS = readCsv("districts.csv").filter((r) => r.regency_code === "35.14");
const VILLAGES = new Map();
for (const v of readCsv("villages.csv")) {
  if (!v.code.startsWith("35.14.")) continue;
  const list = VILLAGES.get(v.district_code) ?? [];
  list.push(v.name);
  VILLAGES.set(v.district_code, list);
}
const districtByName = new Map(DISTRICTS.map((d) => [d.name, d]));

// --- names (East Java: Javanese, Madurese, Muslim) ------------------------------------
const MALE_FIRST = ["Ahmad", "Muhammad", "Moh.", "Mochamad", "Abdul", "Agus", "Bambang", "Eko", "Sugeng", "Slamet", "Heru", "Imam", "Nur", "Samsul", "Syaiful", "Hasan", "Rizal", "Khoirul", "Ma'ruf", "Ja'far", "Budi", "Wahyu", "Dedi", "Joko", "Yusuf", "Kholil", "Zainul", "Anwar", "Arif", "Andik", "Rudi", "Teguh", "Dimas", "Fajar", "Rizky", "Bayu"];
const MALE_LAST = ["Fauzi", "Hidayat", "Setiawan", "Prasetyo", "Riyadi", "Santoso", "Hermanto", "Basri", "Anam", "Arifin", "Syafi'i", "Ghofur", "Rohman", "Hakim", "Mustofa", "Efendi", "Kurniawan", "Saputra", "Wibowo", "Nugroho", "Hariyanto", "Sholeh", "Huda", "Fathoni", "Zakaria", "Wahyudi", "Ma'arif"];
const MALE_SINGLE = ["Misnadin", "Sahrawi", "Matrawi", "Muhlis", "Hosen", "Sukri", "Marsuki", "Juhri", "Ramli", "Sahlan", "Sutrisno", "Sunarto"];
const FEMALE_FIRST = ["Siti", "Sri", "Nur", "Dwi", "Tri", "Umi", "Ainun", "Fitriatul", "Lailatul", "Dewi", "Eka", "Rina", "Yuli", "Anis", "Luluk", "Khoirun", "Nurul", "Indah", "Novi", "Ika", "Ani", "Puji", "Endang", "Kholifah"];
const FEMALE_LAST = ["Wahyuni", "Lestari", "Rahayu", "Aisyah", "Kulsum", "Jariyah", "Hasanah", "Qomariyah", "Fatimah", "Zahro'", "Nisa'", "Maghfiroh", "Mu'awanah", "Handayani", "Wulandari", "Rohmah", "Khotimah", "Ulfa", "Safitri", "Puspitasari", "Mardiyah", "Sholihah", "Munawaroh", "Azizah", "Fadhilah"];
const FEMALE_SINGLE = ["Hosnah", "Rukayah", "Juma'ati", "Sumarsih", "Suparmi", "Mutmainnah", "Rusmini", "Sarwiyah", "Misrawati"];
const LONG = {
  L: ["Mochammad Rizal Zainul Arifin", "Ahmad Syaiful Bahri Al Mubarok", "Muhammad Nur Kholis Ma'ruf"],
  P: ["Siti Nur Fatimatuz Zahro'", "Nur Laili Rohmatul Maghfiroh", "Dewi Ayu Kusuma Wardhani Puspitasari", "Ainun Jariyah Nur Hidayati"],
};
const usedNames = new Set();

function makeName(sex) {
  for (;;) {
    let name;
    const r = rand();
    if (r < 0.06) name = pick(LONG[sex]);
    else if (r < 0.16) name = pick(sex === "L" ? MALE_SINGLE : FEMALE_SINGLE);
    else {
      const first = pick(sex === "L" ? MALE_FIRST : FEMALE_FIRST);
      const last = pick(sex === "L" ? MALE_LAST : FEMALE_LAST);
      name = chance(0.15) ? `${first} ${pick(sex === "L" ? MALE_FIRST : FEMALE_FIRST)} ${last}` : `${first} ${last}`;
      if (new Set(name.split(" ")).size < name.split(" ").length) continue;
    }
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}

// --- dates ---------------------------------------------------------------------------
const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const pad = (n, w = 2) => String(n).padStart(w, "0");
const iso = (d) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
const toDay = (s) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86400000;
const fromDay = (n) => {
  const dt = new Date(n * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
function ageOn(birth, on) {
  const b = { y: +birth.slice(0, 4), md: birth.slice(5) };
  return +on.slice(0, 4) - b.y - (on.slice(5) < b.md ? 1 : 0);
}
/** A birth date giving an age in [lo, hi] on `on`. */
function birthFor(on, lo, hi) {
  for (;;) {
    const b = fromDay(toDay(on) - int(lo * 365 + 10, hi * 365 + 350));
    const a = ageOn(iso(b), on);
    if (a >= lo && a <= hi) return b;
  }
}
const FORMATS = {
  dmy: (d) => `${d.d}/${d.m}/${d.y}`,
  "dd/mm/yyyy": (d) => `${pad(d.d)}/${pad(d.m)}/${d.y}`,
  "dd-mm-yyyy": (d) => `${pad(d.d)}-${pad(d.m)}-${d.y}`,
  iso,
  long: (d) => `${d.d} ${BULAN[d.m - 1]} ${d.y}`,
  mixed: (d) => pick([FORMATS.dmy, FORMATS.iso, FORMATS.long, FORMATS.dmy])(d),
};

// --- NIK, phone, NIB -----------------------------------------------------------------
const usedNiks = new Set();
/** `area` is the 6-digit registration area (province, regency, kecamatan). */
function makeNik(area, birth, sex) {
  const day = sex === "P" ? birth.d + 40 : birth.d;
  for (;;) {
    const nik = `${area}${pad(day)}${pad(birth.m)}${pad(birth.y % 100)}${pad(int(1, 38), 4)}`;
    if (!usedNiks.has(nik)) {
      usedNiks.add(nik);
      return nik;
    }
  }
}
const PREFIX = ["0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0877", "0878", "0895", "0896", "0819", "0838"];
function makePhone(style) {
  const p = pick(PREFIX);
  const rest = Array.from({ length: int(7, 8) }, () => int(0, 9)).join("");
  const full = p + rest;
  if (style === "intl" || (style === "mixed" && chance(0.3))) return `+62 ${full.slice(1, 4)}-${full.slice(4, 8)}-${full.slice(8)}`;
  if (style === "dashed" || (style === "mixed" && chance(0.3))) return `${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8)}`;
  return full;
}
const makeNib = () => `${pick(["91", "12", "02", "81"])}${Array.from({ length: 11 }, () => int(0, 9)).join("")}`;

// --- people --------------------------------------------------------------------------
/** A person living in kecamatan `district` (official name), eligible for `program`. */
function makePerson(program, district, opts = {}) {
  const sex = opts.sex ?? program.sexOf();
  const [lo, hi] = program.ages;
  const birth = birthFor(program.start, lo, hi);
  const d = districtByName.get(district);
  if (!d) throw new Error(`unknown kecamatan ${district}`);
  // Most NIKs were issued where the person lives; some moved within the kabupaten.
  const regCode = opts.area ?? (chance(0.12) ? pick(DISTRICTS).code : d.code);
  return {
    nik: makeNik(regCode.replaceAll(".", ""), birth, sex),
    name: makeName(sex),
    sex,
    birth,
    district: d,
    village: pick(VILLAGES.get(d.code)),
    phone: makePhone(program.phoneStyle),
  };
}

function shuffle(xs) {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Kecamatan for `n` people: `forced` first (people already chosen), then enough different
 * kecamatan to reach `minDistinct`, then draws from `allowed`; each at most `cap` times.
 */
function spread(n, allowed, cap, minDistinct, forced = []) {
  const counts = new Map();
  const out = [];
  const add = (name) => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    out.push(name);
  };
  forced.forEach(add);
  for (const name of shuffle(allowed)) if (counts.size < minDistinct && !counts.has(name)) add(name);
  while (out.length < n) {
    const name = pick(allowed);
    if ((counts.get(name) ?? 0) < cap) add(name);
  }
  return out;
}

function csvCell(v, delim) {
  const s = String(v ?? "");
  return s.includes(delim) || s.includes('"') || s.includes("\n") ? `"${s.replaceAll('"', '""')}"` : s;
}

function writeList(program, header, rows) {
  const { delimiter = ",", eol = "\n", bom = false } = program.file;
  const text = [header, ...rows].map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join(eol) + eol;
  const path = join(ROOT, "data", "participants", `${program.id}.csv`);
  writeFileSync(path, (bom ? "\ufeff" : "") + text);
  return path;
}

const ctx = { makePerson, spread, shuffle, makeNib, makePhone, FORMATS, int, pick, chance, rand, pad, iso, toDay, fromDay, districtByName };

mkdirSync(join(ROOT, "data", "programs"), { recursive: true });
mkdirSync(join(ROOT, "data", "participants"), { recursive: true });
// the certificate logo of the handicraft program: the neutral example logo, not an emblem
mkdirSync(join(ROOT, "data", "gambar"), { recursive: true });
copyFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "templates", "logo-contoh.svg"), join(ROOT, "data", "gambar", "logo-contoh.svg"));
const shared = {};
for (const program of PROGRAMS) {
  const { header, rows } = program.build(ctx, shared);
  writeList(program, header, rows);
  writeFileSync(join(ROOT, "data", "programs", `${program.id}.yaml`), program.yaml);
  process.stdout.write(`data/programs/${program.id}.yaml, data/participants/${program.id}.csv: ${rows.length} rows\n`);
}
