/**
 * GEDSI tables (sex, age band, disability) with the public profile's suppression applied
 * once, here, for every format.
 */
import { AGE_BANDS, DISABILITY_GROUPS, SEXES, type Breakdown, type CubeCell } from "../domain/aggregate-types.js";
import { suppress, type Constraint, type Mark } from "../domain/suppression.js";
import type { Column, Table, Value } from "./table.js";

export type Profile = "public" | "internal";

export const DISABILITY_LABEL: Record<(typeof DISABILITY_GROUPS)[number], string> = {
  fisik: "Fisik", intelektual: "Intelektual", mental: "Mental", sensorik: "Sensorik", ganda: "Ganda", tidak_ada: "Tanpa disabilitas",
};
export const AGE_LABEL: Record<(typeof AGE_BANDS)[number], string> = {
  "<25": "<25", "25-39": "25-39", "40-54": "40-54", "55+": "55+", tidak_diketahui: "Usia tdk diketahui",
};
export const SEX_LABEL = { L: "L", P: "P", "?": "JK tdk diketahui" } as const;

export const SUPPRESSION_NOTE =
  'Profil publik: jumlah penyandang disabilitas 1-4 ditulis "<5"; "*" = disembunyikan agar angka "<5" tidak dapat dihitung dari jumlah.';
export const INTERNAL_NOTE = "Profil internal: berisi angka kecil disabilitas (data pribadi spesifik, UU 27/2022). Jangan disebarkan.";

const int = (header: string): Column => ({ header, kind: "int", width: 9 });

function withMarks(values: number[], marks: (Mark | undefined)[]): Value[] {
  return values.map((v, i) => {
    const m = marks[i];
    return m ? { hidden: m } : v;
  });
}

/** Sex columns: L, P, and the unknown column only when somebody has no sex recorded. */
function sexKeys(bs: Breakdown[]): (typeof SEXES)[number][] {
  return bs.some((b) => b.sex["?"] > 0) ? [...SEXES] : ["L", "P"];
}

/** One row per program (or entity), a column-sum footer and optionally a people-counted-once row. */
export function gedsiTable(
  id: string,
  title: string,
  rows: { label: string; b: Breakdown }[],
  footer: { label: string; b: Breakdown; sum: boolean }[],
  profile: Profile,
): Table {
  const all = [...rows.map((r) => r.b), ...footer.map((f) => f.b)];
  const sexes = sexKeys(all);
  const nd = DISABILITY_GROUPS.length;
  const values = all.flatMap((b) => DISABILITY_GROUPS.map((d) => b.disability[d]));
  const sensitive = values.map((_, i) => i % nd !== nd - 1);
  const constraints: Constraint[] = all.map((_, r) => ({ cells: DISABILITY_GROUPS.map((_, c) => r * nd + c) }));
  const sumRow = footer.findIndex((f) => f.sum);
  if (sumRow >= 0) {
    for (let c = 0; c < nd; c++) {
      constraints.push({ cells: rows.map((_, r) => r * nd + c), total: (rows.length + sumRow) * nd + c });
    }
  }
  const marks: (Mark | undefined)[] = profile === "public" ? suppress(values, sensitive, constraints) : values.map(() => undefined);
  const dis = withMarks(values, marks);
  const line = (label: string, b: Breakdown, r: number): Value[] => [
    label,
    b.total,
    ...sexes.map((s) => b.sex[s]),
    ...AGE_BANDS.map((a) => b.age[a]),
    ...dis.slice(r * nd, r * nd + nd),
  ];
  return {
    id,
    title,
    columns: [
      { header: "Program", kind: "text", width: 40 },
      int("Jumlah"),
      ...sexes.map((s) => int(SEX_LABEL[s])),
      ...AGE_BANDS.map((a) => int(AGE_LABEL[a])),
      ...DISABILITY_GROUPS.map((d) => int(DISABILITY_LABEL[d])),
    ],
    rows: rows.map((r, i) => line(r.label, r.b, i)),
    footer: footer.map((f, i) => ({ cells: line(f.label, f.b, rows.length + i), sum: f.sum })),
    notes: [profile === "public" ? SUPPRESSION_NOTE : INTERNAL_NOTE],
  };
}

/** One program: disability group rows x (total, sex, age band) columns, from the cube. */
export function crossTable(id: string, title: string, cube: CubeCell[], b: Breakdown, profile: Profile): Table {
  const sexes = sexKeys([b]);
  const cols = 1 + sexes.length + AGE_BANDS.length;
  const values: number[] = [];
  for (const d of DISABILITY_GROUPS) {
    const cells = cube.filter((c) => c.disability === d);
    const n = (f: (c: CubeCell) => boolean) => cells.filter(f).reduce((s, c) => s + c.count, 0);
    values.push(n(() => true), ...sexes.map((s) => n((c) => c.sex === s)), ...AGE_BANDS.map((a) => n((c) => c.age === a)));
  }
  const nd = DISABILITY_GROUPS.length;
  const sensitive = values.map((_, i) => Math.floor(i / cols) < nd - 1);
  const constraints: Constraint[] = [];
  for (let r = 0; r < nd; r++) {
    const at = (c: number) => r * cols + c;
    constraints.push({ cells: sexes.map((_, i) => at(1 + i)), total: at(0) });
    constraints.push({ cells: AGE_BANDS.map((_, i) => at(1 + sexes.length + i)), total: at(0) });
  }
  // every column adds up to a public marginal (participants, women, people under 25, ...)
  for (let c = 0; c < cols; c++) constraints.push({ cells: DISABILITY_GROUPS.map((_, r) => r * cols + c) });
  const marks: (Mark | undefined)[] = profile === "public" ? suppress(values, sensitive, constraints) : values.map(() => undefined);
  const shown = withMarks(values, marks);
  return {
    id,
    title,
    columns: [
      { header: "Disabilitas", kind: "text", width: 20 },
      int("Jumlah"),
      ...sexes.map((s) => int(SEX_LABEL[s])),
      ...AGE_BANDS.map((a) => int(AGE_LABEL[a])),
    ],
    rows: DISABILITY_GROUPS.map((d, r) => [DISABILITY_LABEL[d], ...shown.slice(r * cols, r * cols + cols)]),
    footer: [{ cells: ["Jumlah", b.total, ...sexes.map((s) => b.sex[s]), ...AGE_BANDS.map((a) => b.age[a])], sum: true }],
    notes: [profile === "public" ? SUPPRESSION_NOTE : INTERNAL_NOTE],
  };
}
