/**
 * The streaming accumulator of one program's figures: fed participant by participant
 * (ScanOptions.onParticipant), it keeps counters only, never rows, so a list of a
 * million rows costs a few typed arrays. Counted: in-program rows without data errors.
 */
import { ageOn, quarterOf } from "./dates.js";
import { isCompleter } from "./completion.js";
import { NikKeyList } from "./nik-keys.js";
import { disabilityGroup, type AreaRef, type Disability, type Participant } from "./participant.js";
import type { Program } from "./program.js";
import {
  AGE_BANDS, DISABILITY_GROUPS, SEXES,
  type AgeBand, type Breakdown, type CubeCell, type DisabilityKey, type ProgramFigures, type Quarter, type SexKey,
} from "./aggregate-types.js";

const NS = SEXES.length;
const ND = DISABILITY_GROUPS.length;
const NA = AGE_BANDS.length;
const DIS_INDEX = new Map<string, number>(DISABILITY_GROUPS.map((d, i) => [d, i]));

const SENSORIK = 3;
const SINGLE: Record<Disability, number> = { fisik: 0, intelektual: 1, mental: 2, netra: SENSORIK, rungu: SENSORIK, wicara: SENSORIK };

/** Index in DISABILITY_GROUPS without allocating for the common cases (none, one). */
function disabilityIndex(ds: readonly Disability[]): number {
  if (ds.length === 0) return 5;
  if (ds.length === 1) return SINGLE[ds[0] as Disability];
  return DIS_INDEX.get(disabilityGroup(ds)) ?? 5;
}

const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/** Completed years on a day given as y, m, d; `birth` is a checked ISO date (per row: no validation again). */
function ageAt(birth: string, y: number, m: number, d: number): number {
  const by = digits(birth, 0, 4);
  const bm = digits(birth, 5, 7);
  const bd = digits(birth, 8, 10);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandIndex(age: number | undefined): number {
  if (age === undefined) return 4;
  return age < 25 ? 0 : age < 40 ? 1 : age < 55 ? 2 : 3;
}

export function ageBandOf(birthDate: string | undefined, onIso: string): AgeBand {
  return AGE_BANDS[ageBandIndex(birthDate ? ageOn(birthDate, onIso) : undefined)] as AgeBand;
}

/** Triwulan of the fiscal year in which a program counts: the quarter of its end date. */
export function programQuarter(program: Pick<Program, "end" | "fiscalYear">): Quarter {
  const y = Number(program.end.slice(0, 4));
  if (y > program.fiscalYear) return 4;
  if (y < program.fiscalYear) return 1;
  return quarterOf(program.end);
}

/** Counted rows: in the program (status peserta, or no status column) and free of data errors. */
export function isCounted(p: Participant): boolean {
  // A list with a status column gives every error-free row a valid status, so an absent
  // status means the list has no status column (every row is in the program).
  return p.errors.length === 0 && (p.status === undefined || p.status === "peserta");
}

export function emptyBreakdown(): Breakdown {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  return { total: 0, sex: zero(SEXES), disability: zero(DISABILITY_GROUPS), age: zero(AGE_BANDS) };
}

/** Packs the breakdown key of a person: sex, disability, age band, kecamatan index. */
export function packKey(sex: number, dis: number, age: number, district: number): number {
  return ((district * NA + age) * ND + dis) * NS + sex;
}

export function unpackKey(key: number): { sex: number; dis: number; age: number; district: number } {
  const sex = key % NS;
  let k = (key - sex) / NS;
  const dis = k % ND;
  k = (k - dis) / ND;
  const age = k % NA;
  return { sex, dis, age, district: (k - age) / NA };
}

export function addToBreakdown(b: Breakdown, key: number, n = 1): void {
  const { sex, dis, age } = unpackKey(key);
  b.total += n;
  b.sex[SEXES[sex] as SexKey] += n;
  b.disability[DISABILITY_GROUPS[dis] as DisabilityKey] += n;
  b.age[AGE_BANDS[age] as AgeBand] += n;
}

export interface AccumulatorOptions {
  districts: AreaRef[];
  regionName: string;
  /** Remember each counted NIK with its key (for distinct people across programs). */
  keepNiks?: boolean;
}

export class ProgramAccumulator {
  private readonly districtIndex: Map<string, number>;
  /** cube[packKey(...)]; the last kecamatan slot is "unknown". */
  private readonly cube: Uint32Array;
  private readonly present: Uint32Array;
  private attendanceRows = 0;
  private counted = 0;
  private errorRows = 0;
  private completers = 0;
  private nib = 0;
  private exhibitions = 0;
  /** NIK and packed key of each counted row, when asked for. */
  readonly niks: NikKeyList | undefined;
  private readonly startY: number;
  private readonly startM: number;
  private readonly startD: number;

  constructor(readonly program: Program, private readonly opts: AccumulatorOptions) {
    this.districtIndex = new Map(opts.districts.map((d, i) => [d.code, i]));
    this.cube = new Uint32Array(NS * ND * NA * (opts.districts.length + 1));
    this.present = new Uint32Array(program.days);
    this.niks = opts.keepNiks ? new NikKeyList() : undefined;
    [this.startY, this.startM, this.startD] = [digits(program.start, 0, 4), digits(program.start, 5, 7), digits(program.start, 8, 10)];
  }

  add(p: Participant): void {
    if (p.status !== undefined && p.status !== "peserta") return;
    if (p.errors.length > 0) {
      this.errorRows++;
      return;
    }
    this.counted++;
    const sex = p.sex === "L" ? 0 : p.sex === "P" ? 1 : 2;
    const dis = disabilityIndex(p.disabilities);
    const age = ageBandIndex(p.birthDate ? ageAt(p.birthDate, this.startY, this.startM, this.startD) : undefined);
    const d = p.district ? (this.districtIndex.get(p.district.code) ?? this.opts.districts.length) : this.opts.districts.length;
    const key = packKey(sex, dis, age, d);
    this.cube[key]!++;
    this.niks?.push(p.nik, key);
    if (p.attendance.length > 0) {
      this.attendanceRows++;
      const n = Math.min(p.attendance.length, this.present.length);
      for (let i = 0; i < n; i++) if (p.attendance[i]) this.present[i]!++;
      if (isCompleter(p, this.program)) this.completers++;
    }
    if (p.nib) this.nib++;
    if (p.exhibition === true) this.exhibitions++;
  }

  /** `certificates`: issued certificates from the ledger, when the workspace has one. */
  finish(extra: { certificates?: number } = {}): ProgramFigures {
    const prog = this.program;
    const ds = this.opts.districts;
    const breakdown = emptyBreakdown();
    const cube: CubeCell[] = [];
    const perDistrict = ds.map((d) => ({ code: d.code, name: d.name, count: 0, L: 0, P: 0 }));
    for (let key = 0; key < this.cube.length; key++) {
      const n = this.cube[key] as number;
      if (n === 0) continue;
      addToBreakdown(breakdown, key, n);
      const k = unpackKey(key);
      const row = perDistrict[k.district];
      if (row) {
        row.count += n;
        if (k.sex === 0) row.L += n;
        if (k.sex === 1) row.P += n;
      }
      cube.push({
        sex: SEXES[k.sex] as SexKey,
        disability: DISABILITY_GROUPS[k.dis] as DisabilityKey,
        age: AGE_BANDS[k.age] as AgeBand,
        district: ds[k.district]?.code ?? "",
        count: n,
      });
    }
    cube.sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : 0));
    const reached = perDistrict.filter((d) => d.count > 0).length;
    const hasAttendance = this.attendanceRows > 0;
    const completers = hasAttendance ? this.completers : null;
    const allocated = prog.budget?.allocated ?? null;
    const spent = prog.budget?.spent ?? null;
    return {
      id: prog.id,
      title: prog.title,
      organizer: prog.organizer,
      venue: prog.venue,
      region: prog.region,
      regionName: this.opts.regionName,
      fiscalYear: prog.fiscalYear,
      start: prog.start,
      end: prog.end,
      quarter: programQuarter(prog),
      activityCode: prog.activityCode ?? null,
      unit: prog.unit ?? null,
      indicator: prog.indicator ? { ...prog.indicator } : null,
      musrenbang: [...prog.musrenbang],
      notes: prog.notes ?? null,
      seats: prog.quota.total,
      participants: this.counted,
      notCounted: this.errorRows,
      breakdown,
      cube,
      districts: perDistrict,
      coverage: {
        total: ds.length,
        reached,
        missing: perDistrict.filter((d) => d.count === 0).map((d) => ({ code: d.code, name: d.name })),
      },
      attendance: hasAttendance
        ? {
            days: prog.days,
            perDay: [...this.present].map((present, i) => ({ day: i + 1, present, rate: present / this.attendanceRows })),
          }
        : null,
      completionRule: { minAttendance: prog.completion.minAttendance, minScore: prog.completion.minScore ?? null },
      completers,
      certificates: extra.certificates !== undefined ? { count: extra.certificates, source: "ledger" } : { count: completers, source: "completers" },
      nib: this.nib,
      exhibitions: this.exhibitions,
      budget: { allocated, spent, rate: allocated && spent !== null ? spent / allocated : null },
    };
  }
}
