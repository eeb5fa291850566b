/** The figures of the summary and the report: plain data, computed once, rendered many ways. */
import type { AreaRef } from "./participant.js";

export const SEXES = ["L", "P", "?"] as const;
export type SexKey = (typeof SEXES)[number];
export const DISABILITY_GROUPS = ["fisik", "intelektual", "mental", "sensorik", "ganda", "tidak_ada"] as const;
export type DisabilityKey = (typeof DISABILITY_GROUPS)[number];
export const AGE_BANDS = ["<25", "25-39", "40-54", "55+", "tidak_diketahui"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export type Quarter = 1 | 2 | 3 | 4;

/** Counts by sex, disability group and age band (marginals of the same people). */
export interface Breakdown {
  total: number;
  sex: Record<SexKey, number>;
  disability: Record<DisabilityKey, number>;
  age: Record<AgeBand, number>;
}

export interface CubeCell {
  sex: SexKey;
  disability: DisabilityKey;
  age: AgeBand;
  /** kecamatan code, "" when unknown */
  district: string;
  count: number;
}

export interface DistrictCount extends AreaRef {
  count: number;
  L: number;
  P: number;
}

export interface ProgramFigures {
  id: string;
  title: string;
  organizer: string;
  venue: string;
  region: string;
  regionName: string;
  fiscalYear: number;
  start: string;
  end: string;
  /** Triwulan of the fiscal year in which the program ends (where it counts). */
  quarter: Quarter;
  activityCode: string | null;
  unit: string | null;
  indicator: { name: string; unit: string; target: number } | null;
  musrenbang: string[];
  notes: string | null;
  /** quota.total */
  seats: number;
  /** Counted: in-program rows without data errors. */
  participants: number;
  /** In-program rows with data errors: not counted anywhere. */
  notCounted: number;
  breakdown: Breakdown;
  /** sex x disability x age x kecamatan, non-zero cells only, sorted. */
  cube: CubeCell[];
  /** Every kecamatan of the region, in code order. */
  districts: DistrictCount[];
  coverage: { total: number; reached: number; missing: AreaRef[] };
  /** null when the list has no attendance columns. */
  attendance: { days: number; perDay: { day: number; present: number; rate: number }[] } | null;
  completionRule: { minAttendance: number; minScore: number | null };
  /** null when attendance is not recorded. */
  completers: number | null;
  certificates: { count: number | null; source: "ledger" | "completers" };
  nib: number;
  exhibitions: number;
  budget: { allocated: number | null; spent: number | null; rate: number | null };
}

export interface RenjaRow {
  no: number;
  programId: string;
  title: string;
  activityCode: string;
  indicator: string;
  indicatorUnit: string;
  targetK: number;
  targetRp: number | null;
  /** Realisation per Triwulan I-IV: only the quarter of the program's end, empty after the chosen quarter. */
  quarters: ({ k: number; rp: number | null } | null)[];
  totalK: number;
  totalRp: number | null;
  /** total / target x 100; null when the target is 0 or unknown. */
  pctK: number | null;
  pctRp: number | null;
  unit: string;
  remarks: string;
}

export interface RegionCoverage {
  region: string;
  regionName: string;
  programs: string[];
  /** Earlier fiscal years with programs in this region (ascending). */
  earlierYears: number[];
  districts: (AreaRef & { perProgram: number[]; year: number; earlierReached: number })[];
  reached: number;
  /** Not reached this year, fewest earlier years first, then code: the MUSRENBANG priority. */
  priority: (AreaRef & { earlierReached: number })[];
}

export interface YearFigures {
  year: number;
  quarter: Quarter;
  /** Counted programs of the year that end by the chosen quarter. */
  programs: ProgramFigures[];
  /** Programs of the year ending after the chosen quarter: in the Renja with targets only. */
  later: ProgramFigures[];
  /** Programs left out because their list has errors (--allow-errors). */
  excluded: { id: string; title: string; file: string; errors: number }[];
  renja: RenjaRow[];
  renjaTotal: { targetK: number; targetRp: number; quarters: { k: number; rp: number }[]; totalK: number; totalRp: number };
  gedsi: { perProgram: { id: string; title: string; breakdown: Breakdown }[]; trainings: Breakdown; people: Breakdown };
  coverage: RegionCoverage[];
  musrenbang: { id: string; title: string; proposals: string[] }[];
  /** Distinct valid NIKs vs participations. */
  people: number;
  trainings: number;
}
