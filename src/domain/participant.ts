/** One row of a participant list, read and checked. */
import type { Code, FindingArgs } from "./findings.js";

export const DISABILITIES = ["fisik", "intelektual", "mental", "netra", "rungu", "wicara"] as const;
export type Disability = (typeof DISABILITIES)[number];

/** Top-level category of UU 8/2016 Pasal 4: netra, rungu and wicara are sensorik. */
export type DisabilityCategory = "fisik" | "intelektual" | "mental" | "sensorik";

export type Sex = "L" | "P";

export type RosterStatus = "peserta" | "cadangan" | "tidak_memenuhi_syarat";

export interface AreaRef {
  code: string;
  name: string;
}

/** Why a person cannot take part: AGE_OUT_OF_RANGE, DISABILITY_REQUIRED, ... with a short Indonesian reason. */
export interface Ineligibility {
  code: Code;
  reason: string;
  args?: FindingArgs;
}

export interface Participant {
  /** 1-based line of the row in its file (header is line 1). */
  line: number;
  /** 0-based order of the row among data rows. */
  index: number;
  /** NIK digits as read (trimmed); may be invalid when `errors` says so. Never print it whole. */
  nik: string;
  /** Name as written (control characters stripped). */
  name: string;
  sex?: Sex;
  /** ISO yyyy-mm-dd */
  birthDate?: string;
  /** Kecamatan as matched in the official table; `districtText` is what the file said. */
  district?: AreaRef;
  districtText: string;
  village?: AreaRef;
  villageText: string;
  disabilities: readonly Disability[];
  /** Normalised to 08... form, digits only. */
  phone?: string;
  /** One entry per program day: true = present (H). */
  attendance: boolean[];
  /** `status` column, lower-cased, when the list has one. */
  status?: string;
  /** `tanggal_daftar` as ISO date, when present. */
  registeredAt?: string;
  score?: number;
  nib?: string;
  exhibition?: boolean;
  /** The row's cells exactly as read, in file order (for documents that echo the input). */
  cells: string[];
  /** Codes of error findings on this row (bad data; empty when the row is clean). */
  errors: readonly Code[];
  /** Eligibility problems: AGE_OUT_OF_RANGE, DISABILITY_REQUIRED, ... with a short Indonesian reason each. */
  ineligible: readonly Ineligibility[];
}

export function disabilityCategory(d: Disability): DisabilityCategory {
  return d === "netra" || d === "rungu" || d === "wicara" ? "sensorik" : d;
}

/** Categories of a person; `ganda` when two or more categories, `none` when no disability. */
export function disabilityGroup(ds: readonly Disability[]): DisabilityCategory | "ganda" | "tidak_ada" {
  const cats = new Set(ds.map(disabilityCategory));
  if (cats.size === 0) return "tidak_ada";
  if (cats.size > 1) return "ganda";
  return [...cats][0] as DisabilityCategory;
}
