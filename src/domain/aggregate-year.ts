/**
 * The year report's figures from the programs' figures: Renja rows, GEDSI annex, coverage
 * per region with earlier years, distinct people. Pure: no rows, only program figures and
 * the NIK tables of counted rows (for people counted once across programs).
 */
import { formatRange } from "./dates.js";
import { NikHalfSet, type NikKeyList } from "./nik-keys.js";
import { addToBreakdown, emptyBreakdown, packKey, unpackKey } from "./aggregate.js";
import type { AreaRef } from "./participant.js";
import type { Breakdown, ProgramFigures, Quarter, RegionCoverage, RenjaRow, YearFigures } from "./aggregate-types.js";

export interface YearInput {
  year: number;
  quarter: Quarter;
  /** Programs of the year in workspace order; `niks` = NIK -> packed key of counted rows. */
  programs: { figures: ProgramFigures; niks?: NikKeyList }[];
  excluded: YearFigures["excluded"];
  /** Kecamatan of each region (code order). */
  regions: Map<string, { name: string; districts: AreaRef[] }>;
  /** Earlier fiscal years: kecamatan reached by each program. */
  earlier: { fiscalYear: number; region: string; reached: string[] }[];
}

const ratioPct = (num: number, den: number | null): number | null => (den ? (num / den) * 100 : null);

export function renjaRow(f: ProgramFigures, no: number, quarter: Quarter): RenjaRow {
  const counts = f.quarter <= quarter;
  const k = counts ? f.participants : 0;
  const rp = counts ? f.budget.spent : null;
  const targetK = f.indicator?.target ?? f.seats;
  const targetRp = f.budget.allocated;
  const remarks = [`${formatRange(f.start, f.end)}, ${f.venue}`];
  if (!counts) remarks.push("belum selesai pada triwulan ini");
  if (f.notes) remarks.push(f.notes);
  return {
    no,
    programId: f.id,
    title: f.title,
    activityCode: f.activityCode ?? "",
    indicator: f.indicator?.name ?? "Jumlah peserta pelatihan",
    indicatorUnit: f.indicator?.unit ?? "orang",
    targetK,
    targetRp,
    quarters: [1, 2, 3, 4].map((q) => (counts && q === f.quarter ? { k, rp } : null)),
    totalK: k,
    totalRp: rp,
    pctK: ratioPct(k, targetK),
    pctRp: rp === null ? null : ratioPct(rp, targetRp),
    unit: f.unit ?? f.organizer,
    remarks: remarks.join("; "),
  };
}

function sumBreakdowns(bs: Breakdown[]): Breakdown {
  const out = emptyBreakdown();
  for (const b of bs) {
    out.total += b.total;
    for (const k of Object.keys(out.sex) as (keyof Breakdown["sex"])[]) out.sex[k] += b.sex[k];
    for (const k of Object.keys(out.disability) as (keyof Breakdown["disability"])[]) out.disability[k] += b.disability[k];
    for (const k of Object.keys(out.age) as (keyof Breakdown["age"])[]) out.age[k] += b.age[k];
  }
  return out;
}

export function buildYearFigures(input: YearInput): YearFigures {
  const all = input.programs.map((p) => p.figures);
  const counted = input.programs.filter((p) => p.figures.quarter <= input.quarter);
  const programs = counted.map((p) => p.figures);
  const later = all.filter((f) => f.quarter > input.quarter);

  const renja = all.map((f, i) => renjaRow(f, i + 1, input.quarter));
  const renjaTotal = {
    targetK: renja.reduce((n, r) => n + r.targetK, 0),
    targetRp: renja.reduce((n, r) => n + (r.targetRp ?? 0), 0),
    quarters: [0, 1, 2, 3].map((q) => ({
      k: renja.reduce((n, r) => n + (r.quarters[q]?.k ?? 0), 0),
      rp: renja.reduce((n, r) => n + (r.quarters[q]?.rp ?? 0), 0),
    })),
    totalK: renja.reduce((n, r) => n + r.totalK, 0),
    totalRp: renja.reduce((n, r) => n + (r.totalRp ?? 0), 0),
  };

  // People counted once: the first program (workspace order) that has a NIK gives its attributes.
  const seen = new NikHalfSet(counted.reduce((n, p) => n + (p.niks?.length ?? 0), 0));
  // tally new people per packed key and region first; the breakdowns are built once at the end
  const tallies = new Map<string, Uint32Array>();
  for (const { figures, niks } of counted) {
    if (!niks) continue;
    let tally = tallies.get(figures.region);
    if (!tally) {
      const n = input.regions.get(figures.region)?.districts.length ?? 0;
      tallies.set(figures.region, (tally = new Uint32Array(packKey(0, 0, 0, n + 1))));
    }
    const t = tally;
    niks.forEach((hi, lo, key) => {
      if (seen.add(hi, lo)) t[key]!++;
    });
  }
  const people = emptyBreakdown();
  const yearByDistrict = new Map<string, number>();
  for (const [region, tally] of tallies) {
    const districts = input.regions.get(region)?.districts ?? [];
    for (let key = 0; key < tally.length; key++) {
      const n = tally[key] as number;
      if (n === 0) continue;
      addToBreakdown(people, key, n);
      const code = districts[unpackKey(key).district]?.code;
      if (code) yearByDistrict.set(code, (yearByDistrict.get(code) ?? 0) + n);
    }
  }

  const coverage: RegionCoverage[] = [];
  for (const [region, info] of [...input.regions].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const progs = programs.filter((f) => f.region === region);
    if (progs.length === 0) continue;
    const earlier = input.earlier.filter((e) => e.region === region && e.fiscalYear < input.year);
    const earlierYears = [...new Set(earlier.map((e) => e.fiscalYear))].sort((a, b) => a - b);
    const districts = info.districts.map((d) => {
      const perProgram = progs.map((f) => f.districts.find((x) => x.code === d.code)?.count ?? 0);
      const years = new Set(earlier.filter((e) => e.reached.includes(d.code)).map((e) => e.fiscalYear));
      return { code: d.code, name: d.name, perProgram, year: yearByDistrict.get(d.code) ?? 0, earlierReached: years.size };
    });
    const priority = districts
      .filter((d) => d.year === 0)
      .map((d) => ({ code: d.code, name: d.name, earlierReached: d.earlierReached }))
      .sort((a, b) => a.earlierReached - b.earlierReached || (a.code < b.code ? -1 : 1));
    coverage.push({
      region,
      regionName: info.name,
      programs: progs.map((f) => f.id),
      earlierYears,
      districts,
      reached: districts.filter((d) => d.year > 0).length,
      priority,
    });
  }

  const trainings = sumBreakdowns(programs.map((f) => f.breakdown));
  return {
    year: input.year,
    quarter: input.quarter,
    programs,
    later,
    excluded: input.excluded,
    renja,
    renjaTotal,
    gedsi: { perProgram: programs.map((f) => ({ id: f.id, title: f.title, breakdown: f.breakdown })), trainings, people },
    coverage,
    musrenbang: all.filter((f) => f.musrenbang.length > 0).map((f) => ({ id: f.id, title: f.title, proposals: f.musrenbang })),
    people: people.total,
    trainings: trainings.total,
  };
}
