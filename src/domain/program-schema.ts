/**
 * The program definition schema: one zod schema that checks a program read from YAML
 * (every scalar arrives as text, see src/io/program-read.ts) and that also produces the
 * JSON Schema shipped in schema/program.schema.json for editors.
 */
import { z } from "zod";
import { parseDate } from "./dates.js";

/**
 * Our words only for a value of the wrong kind: a missing value ("required") and a value
 * out of range ("too big") keep zod's own, more precise message.
 */
const typeError = (message: string) => (iss: { code?: string; input?: unknown }) =>
  iss.code === "invalid_type" && iss.input !== undefined ? message : undefined;

/** Scalars arrive as strings; numbers are accepted only when written as plain numbers. */
const intText = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ error: typeError("harus bilangan bulat / must be a whole number") }).int().min(min).max(max),
  );

const shareText = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const s = v.trim();
    const pct = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(s);
    if (pct?.[1]) return Number(pct[1].replace(",", ".")) / 100;
    return /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : v;
  },
  z.number({ error: typeError("harus angka 0-1 atau persen / must be a number 0-1 or a percentage") }).min(0).max(1),
);

const boolText = z.preprocess(
  (v) => (v === "true" ? true : v === "false" ? false : v),
  z.boolean({ error: typeError("tulis true atau false / write true or false") }),
);

const text = z.string().trim().min(1);

const dateText = z.string().transform((s, ctx) => {
  const r = parseDate(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: `tanggal tidak valid / invalid date: ${s}` });
    return z.NEVER;
  }
  return r.iso;
});

export const REGION_CODE = /^\d{2}\.\d{2}$/;
export const PROGRAM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const NIP = /^\d{8}\s?\d{6}\s?\d\s?\d{3}$/;

const groupQuota = z
  .object({
    field: text,
    value: text,
    min: intText(0).optional(),
    max: intText(0).optional(),
  })
  .strict();

const signatory = z
  .object({
    name: text,
    position: text,
    nip: z.string().regex(NIP, "NIP harus 18 digit / NIP must have 18 digits").optional(),
    rank: text.optional(),
    signature: text.optional(),
  })
  .strict();

export const programSchema = z
  .object({
    id: z.string().regex(PROGRAM_ID, "huruf kecil a-z, angka 0-9 dan '-' / lowercase a-z, 0-9 and '-'"),
    title: text,
    organizer: text,
    region: z.string().regex(REGION_CODE, "kode wilayah kabupaten/kota seperti \"35.14\""),
    venue: text,
    start: dateText,
    end: dateText,
    participants: text,
    days: intText(1, 366).optional(),
    hours: intText(1, 10_000).optional(),
    fiscal_year: intText(2000, 2100).optional(),
    target_group: text.optional(),
    partner: text.optional(),
    notes: text.optional(),
    quota: z
      .object({
        total: intText(1),
        per_district: intText(1).optional(),
        min_districts: intText(1).optional(),
        // groups are bits of one 32-bit number per applicant during the selection
        groups: z.array(groupQuota).max(32, "paling banyak 32 kelompok / at most 32 groups").optional(),
      })
      .strict(),
    eligibility: z
      .object({
        disability_required: boolText.optional(),
        age: z
          .object({ min: intText(0, 150).optional(), max: intText(0, 150).optional() })
          .strict()
          .optional(),
        sex: z.enum(["L", "P"]).optional(),
      })
      .strict()
      .optional(),
    completion: z
      .object({
        min_attendance: shareText.optional(),
        min_score: intText(0, 100).optional(),
        attendance_certificate: boolText.optional(),
      })
      .strict()
      .optional(),
    certificate: z
      .object({
        template: text.optional(),
        number: text.optional(),
        place: text.optional(),
        date: dateText.optional(),
        signatories: z.array(signatory).min(1).max(3).optional(),
        logo: text.optional(),
        show_nik: boolText.optional(),
      })
      .strict()
      .optional(),
    budget: z
      .object({ allocated: intText(0).optional(), spent: intText(0).optional() })
      .strict()
      .optional(),
    indicator: z
      .object({ name: text, unit: text, target: intText(0) })
      .strict()
      .optional(),
    musrenbang: z.array(text).optional(),
    activity_code: text.optional(),
    unit: text.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (typeof p.start === "string" && typeof p.end === "string" && p.end < p.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "tanggal selesai sebelum tanggal mulai / end date before start date" });
    }
    const age = p.eligibility?.age;
    if (age?.min !== undefined && age.max !== undefined && age.min > age.max) {
      ctx.addIssue({ code: "custom", path: ["eligibility", "age"], message: "min > max" });
    }
    for (const [i, g] of (p.quota.groups ?? []).entries()) {
      if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
        ctx.addIssue({ code: "custom", path: ["quota", "groups", i], message: "min > max" });
      }
      if (g.min !== undefined && g.min > p.quota.total) {
        ctx.addIssue({ code: "custom", path: ["quota", "groups", i, "min"], message: "min > quota.total" });
      }
    }
  });

export type ProgramInput = z.output<typeof programSchema>;
