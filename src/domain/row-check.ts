/**
 * One participant row: cells -> Participant plus findings. Pure and allocation-light: it
 * runs a million times on a national list.
 */
import type { AreaMatch } from "./area-names.js";
import { ageOn, parseDate } from "./dates.js";
import { finding, type Code, type Finding } from "./findings.js";
import { maskNik, nikMatchesBirthDate, parseNik, type NikOk } from "./nik.js";
import type { Ineligibility, Participant } from "./participant.js";
import { STATUSES } from "./selection-types.js";
import type { Program } from "./program.js";
import {
  cleanName,
  parseAttendance,
  parseDisabilities,
  parseNib,
  parsePhone,
  parseScore,
  parseSex,
  parseYesNo,
} from "./values.js";

export interface RowContext {
  program: Program;
  file: string;
  /** canonical column -> cell index */
  index: ReadonlyMap<string, number>;
  /** The same for the columns read on every row, -1 when absent (no Map lookup per cell). */
  col: ColumnIndex;
  /** hadir_N columns present (0: the list has no attendance yet). */
  days: number;
  matchDistrict(raw: string): AreaMatch;
  /** undefined when the desa column is absent or the table is not loaded. */
  matchVillage?: (districtCode: string | undefined, raw: string) => AreaMatch;
}

export interface ColumnIndex {
  nik: number;
  nama: number;
  jenis_kelamin: number;
  tanggal_lahir: number;
  kecamatan: number;
  desa: number;
  disabilitas: number;
  telepon: number;
  status: number;
  tanggal_daftar: number;
  nilai: number;
  nib: number;
  pameran: number;
  /** hadir_1 .. hadir_<days> */
  hadir: number[];
}

export function columnIndex(index: ReadonlyMap<string, number>, days: number): ColumnIndex {
  const at = (c: string): number => index.get(c) ?? -1;
  return {
    nik: at("nik"),
    nama: at("nama"),
    jenis_kelamin: at("jenis_kelamin"),
    tanggal_lahir: at("tanggal_lahir"),
    kecamatan: at("kecamatan"),
    desa: at("desa"),
    disabilitas: at("disabilitas"),
    telepon: at("telepon"),
    status: at("status"),
    tanggal_daftar: at("tanggal_daftar"),
    nilai: at("nilai"),
    nib: at("nib"),
    pameran: at("pameran"),
    hadir: Array.from({ length: days }, (_, i) => at(`hadir_${i + 1}`)),
  };
}

export interface RowResult {
  participant: Participant;
  findings: readonly Finding[];
  /** The NIK parsed, when valid (for list-level checks). */
  nik?: NikOk;
}

/** Birth date from the NIK when the list has none: the century that gives age 0-99 on `on`. */
function birthFromNik(n: NikOk, on: string): string {
  const pad = (x: number) => String(x).padStart(2, "0");
  const cy = Number(on.slice(0, 4));
  let y = Math.floor(cy / 100) * 100 + n.yy;
  if (`${y}-${pad(n.month)}-${pad(n.day)}` > on) y -= 100;
  return `${y}-${pad(n.month)}-${pad(n.day)}`;
}

/** Shared by rows with nothing to report: frozen, never changed. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const NO_CODES: readonly Code[] = Object.freeze([]);
const NO_INELIGIBILITY: readonly Ineligibility[] = Object.freeze([]);

/**
 * The row being checked: checkRow is synchronous and never re-entered, so its findings
 * gather here instead of in a closure and two arrays made for every row (most have none).
 */
const row: { file: string; line: number; findings: Finding[] | undefined; errors: Code[] | undefined } = {
  file: "",
  line: 0,
  findings: undefined,
  errors: undefined,
};

function report(code: Code, field: string, args: Record<string, string | number | undefined> = {}): void {
  const f = finding(code, row.file, { line: row.line, field }, args);
  (row.findings ??= []).push(f);
  if (f.severity === "error") (row.errors ??= []).push(code);
}

export function checkRow(ctx: RowContext, cells: readonly string[], line: number, rowIndex: number): RowResult {
  const { file, col, program } = ctx;
  row.file = file;
  row.line = line;
  row.findings = undefined;
  row.errors = undefined;

  const rawNik = at(cells, col.nik);
  const n = parseNik(rawNik);
  let nik: NikOk | undefined;
  if (n.ok) nik = n;
  else if (n.reason === "date") report("NIK_DATE", "nik", { nik: maskNik(rawNik) });
  else report("NIK_FORMAT", "nik", { nik: maskNik(rawNik), reason: n.reason, length: n.length });

  const nm = cleanName(col.nama < 0 ? "" : (cells[col.nama] ?? ""));
  if (nm.name === "") report("NAME_MISSING", "nama");
  else if (nm.changed || nm.suspicious) report("NAME_SUSPICIOUS", "nama", { reason: nm.suspicious ? "markup" : "hidden" });

  const p: Participant = {
    line,
    index: rowIndex,
    nik: nik ? nik.nik : rawNik,
    name: nm.name,
    // every field present from the start: one object shape for all rows
    sex: undefined,
    birthDate: undefined,
    district: undefined,
    districtText: at(cells, col.kecamatan),
    village: undefined,
    villageText: at(cells, col.desa),
    disabilities: [],
    phone: undefined,
    attendance: [],
    status: undefined,
    registeredAt: undefined,
    score: undefined,
    nib: undefined,
    exhibition: undefined,
    cells: cells as string[],
    errors: NO_CODES,
    ineligible: NO_INELIGIBILITY,
  };

  const sex = parseSex(at(cells, col.jenis_kelamin));
  if (!sex.ok) report("SEX_INVALID", "jenis_kelamin", { value: at(cells, col.jenis_kelamin) });
  else if (sex.value) {
    p.sex = sex.value;
    if (nik && nik.sex !== sex.value) report("NIK_SEX_MISMATCH", "jenis_kelamin", { nik: maskNik(nik.nik), sex: sex.value });
  }

  const rawBirth = at(cells, col.tanggal_lahir);
  if (rawBirth !== "") {
    const d = parseDate(rawBirth);
    if (!d.ok) report("DATE_INVALID", "tanggal_lahir", { value: rawBirth, reason: d.reason });
    else {
      p.birthDate = d.iso;
      if (nik && !nikMatchesBirthDate(nik, d.iso)) report("NIK_BIRTHDATE_MISMATCH", "tanggal_lahir", { date: d.iso });
    }
  }
  if (nik && nik.regencyCode !== program.region) {
    report("NIK_REGION", "nik", { nik: maskNik(nik.nik), region: nik.regencyCode, expected: program.region });
  }

  const dm = ctx.matchDistrict(p.districtText);
  if (dm.ok) p.district = dm.ref;
  else report("DISTRICT_UNKNOWN", "kecamatan", { value: p.districtText, suggestion: dm.suggestion, region: program.region });

  if (ctx.matchVillage && p.villageText !== "") {
    const vm = ctx.matchVillage(p.district?.code, p.villageText);
    if (vm.ok) p.village = vm.ref;
    else report("VILLAGE_UNKNOWN", "desa", { value: p.villageText, suggestion: vm.suggestion, district: p.district?.name });
  }

  const dis = parseDisabilities(at(cells, col.disabilitas));
  if (dis.ok) p.disabilities = dis.values;
  else report("DISABILITY_INVALID", "disabilitas", { value: dis.bad });

  const phone = parsePhone(at(cells, col.telepon));
  if (!phone.ok) report("VALUE_INVALID", "telepon", { value: "***", kind: "phone" });
  else if (phone.value) p.phone = phone.value;

  if (ctx.days > 0) {
    const attendance = new Array<boolean>(program.days);
    for (let d = 1; d <= program.days; d++) {
      const raw = at(cells, col.hadir[d - 1] ?? -1);
      const present = parseAttendance(raw);
      if (present === undefined) report("ATTENDANCE_INVALID", `hadir_${d}`, { value: raw });
      attendance[d - 1] = present === true;
    }
    p.attendance = attendance;
  }
  optionalColumns(ctx, cells, p);
  eligibility(program, p, nik);
  if (row.errors) p.errors = row.errors;
  const findings = row.findings ?? NO_FINDINGS;
  row.findings = undefined;
  row.errors = undefined;
  return nik ? { participant: p, findings, nik } : { participant: p, findings };
}

function at(cells: readonly string[], i: number): string {
  return i < 0 ? "" : (cells[i] ?? "").trim();
}

function optionalColumns(ctx: RowContext, cells: readonly string[], p: Participant): void {
  const col = ctx.col;
  if (ctx.col.status >= 0) {
    const s = at(cells, col.status).toLowerCase().replace(/[\s-]+/g, "_");
    if ((STATUSES as readonly string[]).includes(s)) p.status = s;
    else report("VALUE_INVALID", "status", { value: at(cells, col.status), kind: "status" });
  }
  const reg = at(cells, col.tanggal_daftar);
  if (reg !== "") {
    const d = parseDate(reg);
    if (d.ok) p.registeredAt = d.iso;
    else report("DATE_INVALID", "tanggal_daftar", { value: reg, reason: d.reason });
  }
  const score = parseScore(at(cells, col.nilai));
  if (!score.ok) report("VALUE_INVALID", "nilai", { value: at(cells, col.nilai), kind: "score" });
  else if (score.value !== undefined) p.score = score.value;
  const nib = parseNib(at(cells, col.nib));
  if (!nib.ok) report("VALUE_INVALID", "nib", { value: at(cells, col.nib), kind: "nib" });
  else if (nib.value) p.nib = nib.value;
  if (ctx.col.pameran >= 0) {
    const ex = parseYesNo(at(cells, col.pameran));
    if (ex === undefined) report("VALUE_INVALID", "pameran", { value: at(cells, col.pameran), kind: "yesno" });
    else p.exhibition = ex;
  }
}

/** Fills `ineligible` with short Indonesian reasons; findings are the caller's choice. */
export function eligibility(program: Program, p: Participant, nik: NikOk | undefined): void {
  const rule = program.eligibility;
  let out: Ineligibility[] | undefined;
  if (rule.age && (rule.age.min !== undefined || rule.age.max !== undefined)) {
    const birth = p.birthDate ?? (nik ? birthFromNik(nik, program.start) : undefined);
    if (birth !== undefined) {
      const age = ageOn(birth, program.start);
      if (rule.age.min !== undefined && age < rule.age.min) {
        (out ??= []).push({ code: "AGE_OUT_OF_RANGE", reason: `usia ${age} tahun, di bawah batas ${rule.age.min}`, args: { age, min: rule.age.min } });
      } else if (rule.age.max !== undefined && age > rule.age.max) {
        (out ??= []).push({ code: "AGE_OUT_OF_RANGE", reason: `usia ${age} tahun, di atas batas ${rule.age.max}`, args: { age, max: rule.age.max } });
      }
    }
  }
  if (rule.disabilityRequired && p.disabilities.length === 0) {
    (out ??= []).push({ code: "DISABILITY_REQUIRED", reason: "bukan penyandang disabilitas (disyaratkan)" });
  }
  if (rule.sex && p.sex !== undefined && p.sex !== rule.sex) {
    const who = rule.sex === "P" ? "perempuan" : "laki-laki";
    (out ??= []).push({ code: "SEX_NOT_ELIGIBLE", reason: `pelatihan khusus ${who}`, args: { sex: rule.sex } });
  }
  if (out) p.ineligible = out;
}
