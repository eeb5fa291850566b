/** A checked program definition, with the defaults filled in and paths resolved. */
import type { ProgramInput } from "./program-schema.js";

export interface GroupQuota {
  field: string;
  value: string;
  min?: number;
  max?: number;
}

export interface Signatory {
  name: string;
  position: string;
  nip?: string;
  rank?: string;
  signature?: string;
}

export interface Program {
  /** The YAML file as the user named it (for findings). */
  file: string;
  /** Folder of the YAML file, absolute: relative paths in the program are resolved from it. */
  dir: string;
  id: string;
  title: string;
  organizer: string;
  /** kode wilayah of the kabupaten/kota, e.g. "35.14". */
  region: string;
  venue: string;
  /** ISO dates (yyyy-mm-dd). */
  start: string;
  end: string;
  /** Training days: attendance columns hadir_1 .. hadir_<days>. Default: end - start + 1. */
  days: number;
  hours?: number;
  /** Default: the year of `end`. */
  fiscalYear: number;
  targetGroup?: string;
  partner?: string;
  /** Participant list path as written, and resolved (absolute). */
  participants: string;
  participantsPath: string;
  quota: { total: number; perDistrict?: number; minDistricts?: number; groups: GroupQuota[] };
  eligibility: { disabilityRequired: boolean; age?: { min?: number; max?: number }; sex?: "L" | "P" };
  completion: { minAttendance: number; minScore?: number; attendanceCertificate: boolean };
  certificate?: {
    /** A shipped design's name ("formal", "potret") or an absolute path to an SVG template. */
    template?: string;
    number?: string;
    place?: string;
    date?: string;
    signatories: Signatory[];
    logo?: string;
    showNik: boolean;
  };
  budget?: { allocated?: number; spent?: number };
  indicator?: { name: string; unit: string; target: number };
  musrenbang: string[];
  activityCode?: string;
  unit?: string;
  notes?: string;
}

export const DEFAULT_MIN_ATTENDANCE = 0.8;

/** `certificate.template` naming a shipped design (templates/sertifikat-<name>.svg), not a file. */
export const BUILTIN_TEMPLATE = /^[a-z][a-z0-9-]*$/;

function daysBetween(startIso: string, endIso: string): number {
  const ms = Date.parse(`${endIso}T00:00:00Z`) - Date.parse(`${startIso}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** Turns the schema's output into a Program; `resolve` maps a path written in the YAML. */
export function toProgram(
  input: ProgramInput,
  file: string,
  dir: string,
  resolve: (p: string) => string,
): Program {
  const p: Program = {
    file,
    dir,
    id: input.id,
    title: input.title,
    organizer: input.organizer,
    region: input.region,
    venue: input.venue,
    start: input.start,
    end: input.end,
    days: input.days ?? daysBetween(input.start, input.end),
    fiscalYear: input.fiscal_year ?? Number(input.end.slice(0, 4)),
    participants: input.participants,
    participantsPath: resolve(input.participants),
    quota: {
      total: input.quota.total,
      groups: input.quota.groups ?? [],
    },
    eligibility: { disabilityRequired: input.eligibility?.disability_required ?? false },
    completion: {
      minAttendance: input.completion?.min_attendance ?? DEFAULT_MIN_ATTENDANCE,
      attendanceCertificate: input.completion?.attendance_certificate ?? false,
    },
    musrenbang: input.musrenbang ?? [],
  };
  if (input.hours !== undefined) p.hours = input.hours;
  if (input.target_group !== undefined) p.targetGroup = input.target_group;
  if (input.partner !== undefined) p.partner = input.partner;
  if (input.notes !== undefined) p.notes = input.notes;
  if (input.quota.per_district !== undefined) p.quota.perDistrict = input.quota.per_district;
  if (input.quota.min_districts !== undefined) p.quota.minDistricts = input.quota.min_districts;
  if (input.eligibility?.age) p.eligibility.age = { ...input.eligibility.age };
  if (input.eligibility?.sex) p.eligibility.sex = input.eligibility.sex;
  if (input.completion?.min_score !== undefined) p.completion.minScore = input.completion.min_score;
  const c = input.certificate;
  if (c) {
    const signatories = (c.signatories ?? []).map((s) => (s.signature === undefined ? { ...s } : { ...s, signature: resolve(s.signature) }));
    p.certificate = { signatories, showNik: c.show_nik ?? false };
    // a shipped design by name ("formal", "potret"), or an SVG file relative to the program
    if (c.template !== undefined) p.certificate.template = BUILTIN_TEMPLATE.test(c.template) ? c.template : resolve(c.template);
    if (c.number !== undefined) p.certificate.number = c.number;
    if (c.place !== undefined) p.certificate.place = c.place;
    if (c.date !== undefined) p.certificate.date = c.date;
    if (c.logo !== undefined) p.certificate.logo = resolve(c.logo);
  }
  if (input.budget) p.budget = { ...input.budget };
  if (input.indicator) p.indicator = { ...input.indicator };
  if (input.activity_code !== undefined) p.activityCode = input.activity_code;
  if (input.unit !== undefined) p.unit = input.unit;
  return p;
}
