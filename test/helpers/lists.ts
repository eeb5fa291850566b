/** Generated participant lists for tests that compare two ways of reading the same list. */
import fc from "fast-check";

export const H = "nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,desa,disabilitas,telepon,hadir_1,hadir_2,hadir_3,hadir_4";
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** Valid NIKs of Kabupaten Pasuruan; a small pool so that duplicates are many and spread out. */
export const POOL = Array.from({ length: 40 }, (_, i) => `35140${(i % 9) + 1}${pad((i % 28) + 1 + (i % 2 ? 40 : 0))}0${(i % 9) + 1}8${i % 10}${pad(i + 1, 4)}`);

const cell = {
  nik: fc.oneof(fc.constantFrom(...POOL), fc.constantFrom("123", "3514014101650000", "", "3.51401E+15", "9914014101650001")),
  name: fc.constantFrom("Siti Rahayu", "Budi", '"Ani\nBaru"', '"Sri, S.Pd"', "", "<b>x</b>", '"Joko ""Jo"""'),
  sex: fc.constantFrom("L", "P", "X", ""),
  date: fc.constantFrom("01/01/1990", "31/02/1990", "abc", "", "1985-03-12"),
  district: fc.constantFrom("Purwodadi", "Bangil", "Tutur", "Nowhere", "Kec. Bangil"),
  village: fc.constantFrom("", "Xyz"),
  disability: fc.constantFrom("-", "fisik", "zzz", "netra dan rungu"),
  phone: fc.constantFrom("081234567890", "12", "+62 812-3456-7890"),
  mark: fc.constantFrom("H", "A", "?", "H", "H"),
};
const row = fc
  .tuple(cell.nik, cell.name, cell.sex, cell.date, cell.district, cell.village, cell.disability, cell.phone, cell.mark, cell.mark, cell.mark, cell.mark)
  .map((cells) => cells.join(","));
const oddLine = fc.constantFrom("", ",,,", "a,b", '3514014101650001,Ani"x,P,,Bangil,,,,H,H,H,H', '"unclosed,Ani,P,,Bangil,,,,H,H,H,H');
/** Lines of a list (rows with good and bad cells, odd lines) and its line end. */
export const list = fc.record({
  lines: fc.array(fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: oddLine }), { minLength: 1, maxLength: 120 }),
  eol: fc.constantFrom("\n", "\r\n"),
});

export const QUOTA = "quota:\n  total: 30\n  per_district: 3\n  min_districts: 5\n  groups:\n    - field: jenis_kelamin\n      value: P\n      min: 10\n";

/**
 * Over 1,000 findings of several codes: bad phones first, then bad dates, then duplicate
 * NIKs and unknown kecamatan.
 */
export function capsRows(): string[] {
  const rows: string[] = [];
  for (let i = 0; i < 1500; i++) rows.push(`${POOL[i % POOL.length]},Siti,P,01/01/1990,Bangil,,-,12,H,H,H,H`);
  for (let i = 0; i < 1200; i++) rows.push(`35140${(i % 9) + 1}0101900${pad((i % 99) + 1, 3)},Budi,L,31/02/1990,Bangil,,-,081234567890,H,H,H,H`);
  for (let i = 0; i < 1300; i++) rows.push(`${POOL[i % POOL.length]},Ani,P,01/01/1990,Nowhere,,-,081234567890,H,H,H,?`);
  return rows;
}

/** A list's text: header, lines, line end. */
export const listText = (l: { lines: string[]; eol: string }): string => [H, ...l.lines].join(l.eol) + l.eol;

/**
 * Property check over workspaces of two generated lists (one with QUOTA, one with room for
 * all): `compare` checks a workspace and says how many lists it split; the total is returned.
 */
export function splitsOverGenerated(makeWorkspace: (programs: { id: string; list: string; yaml?: string }[]) => string, compare: (ws: string) => number, numRuns: number): number {
  let splits = 0;
  fc.assert(
    fc.property(list, list, (a, b) => {
      const ws = makeWorkspace([
        { id: "a", list: listText(a), yaml: QUOTA },
        { id: "b", list: listText(b), yaml: "quota:\n  total: 100\n" },
      ]);
      splits += compare(ws);
    }),
    { numRuns },
  );
  return splits;
}
