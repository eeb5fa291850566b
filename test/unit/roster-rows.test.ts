import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskNik } from "../../src/domain/nik.js";
import type { AreaRef, Participant } from "../../src/domain/participant.js";
import type { DecisionTable } from "../../src/domain/selection-types.js";
import { csvCell } from "../../src/io/csv-write.js";
import { RosterRows, type Profile } from "../../src/report/roster-rows.js";

// a column of its own (catatan) sits among the PDF's, and is kept in both profiles
const HEADER = ["nik", "nama", "catatan", "jenis_kelamin", "kecamatan", "desa", "telepon"];

// texts that need each kind of care: quotes, delimiters, formulas, spaces, control characters, not ASCII
const tricky = fc.constantFrom("", " ", "Siti Rahayu", '"', "a,b", "a;b", "=1+1", "+62", "-5", "@x", "\tx", "x\r\ny", "A\u0000B", "A\u0001B", "José", "😀", "~");
const text = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.array(tricky, { maxLength: 3 }).map((a) => a.join("")));
const nik = fc.oneof(fc.stringMatching(/^\d{16}$/), fc.constantFrom(" 3514010101900001", "'3514010101900001", "3514 0101 0190 0001", "35140101019000011", "351401010190000x", "=3514010101900001", ""), text);
const area = (name: string): AreaRef => ({ code: "35.14.01", name });

const person = fc.record({ nik, parsed: fc.boolean(), name: text, note: text, sex: fc.constantFrom(undefined, "P", "L"), district: fc.option(text), districtText: text, village: fc.option(text), villageText: text, phone: text });
// rows whose PDF fields are their own plain cells (the PDF takes them from the CSV), with a
// note that may need quotes and a kecamatan or desa matched to another name now and then
const plainText = fc.stringMatching(/^[A-Za-z0-9 .']{0,12}$/).filter((t) => t.trim() === t);
const cleanPerson = fc.record({ nik: fc.stringMatching(/^\d{16}$/), parsed: fc.constant(true), name: plainText, note: text, sex: fc.constantFrom(undefined, "P", "L"), district: fc.option(plainText, { freq: 4 }), districtText: plainText, village: fc.option(plainText, { freq: 4 }), villageText: plainText, phone: fc.stringMatching(/^08\d{8,11}$/) });

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

function participant(p: Person, index: number): Participant {
  return {
    line: index + 2,
    index,
    // the NIK as parsed is the cell's, or (with spaces) another text
    nik: p.parsed ? p.nik : p.nik.replace(/\s/g, ""),
    name: p.name,
    ...(p.sex ? { sex: p.sex as "P" | "L" } : {}),
    ...(p.district !== null ? { district: area(p.district) } : {}),
    districtText: p.districtText,
    ...(p.village !== null ? { village: area(p.village) } : {}),
    villageText: p.villageText,
    phone: p.phone,
    disabilities: [],
    attendance: [],
    cells: [p.nik, p.name, p.note, p.sex ?? "", p.districtText, p.villageText, p.phone],
    errors: [],
    ineligible: [],
  };
}

/** Every row a peserta, ranked in row order. */
const allPeserta = (n: number): DecisionTable => ({
  index: Int32Array.from({ length: n }, (_, i) => i),
  status: new Uint8Array(n),
  rank: Int32Array.from({ length: n }, (_, i) => i + 1),
  reserve: new Int32Array(n),
  cause: new Int32Array(n),
  causes: [],
  reasons: new Map(),
  phases: new Map(),
});

describe("RosterRows", () => {
  it("renders each row's CSV cells and PDF fields as csvCell and the fields themselves give them, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(person, cleanPerson), { minLength: 1, maxLength: 6 }), fc.constantFrom(",", ";"), fc.constantFrom<Profile>("public", "internal"), (people, d, profile) => {
        const rows = new RosterRows(HEADER, HEADER, profile, d);
        const ps = people.map(participant);
        for (const p of ps) rows.add(p);
        const pub = profile === "public";
        const decisions = allPeserta(ps.length);
        const order = Int32Array.from(ps.keys());
        const csv = rows.documents(order, decisions, { title: "t", date: "2026-01-01", confidential: false }).csv.toString("utf8");
        const lines = ps.map((p, i) => {
          const cells = pub ? [maskNik(p.cells[0] as string), ...p.cells.slice(1, 6)] : p.cells;
          return [...cells.map((c) => csvCell(c, d)), "peserta", String(i + 1), ""].join(d);
        });
        const head = (pub ? HEADER.slice(0, 6) : HEADER).concat(["status", "urutan", "alasan"]).join(d);
        expect(csv).toBe(`\uFEFF${head}\r\n${lines.map((l) => `${l}\r\n`).join("")}`);
        const strip = (s: string) => s.replaceAll("\u0000", "");
        expect(rows.pdfPeople(order, decisions)).toEqual(
          ps.map((p) => ({
            name: strip(p.name),
            nik: strip(pub ? maskNik(p.nik) : p.nik),
            sex: p.sex ?? "",
            district: strip(p.district?.name ?? p.districtText),
            village: strip(p.village?.name ?? p.villageText),
            phone: pub ? "" : strip(p.phone ?? ""),
          })),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it("takes an empty last cell as empty when the next row starts with a quoted cell", () => {
    const rows = new RosterRows(HEADER, HEADER, "public", ",");
    // the first row's fields are all its plain cells, its desa empty and last; the second
    // row's masked NIK has a line break, so its CSV cell starts with a quote
    const first = participant({ nik: "3514010101900001", parsed: true, name: "Siti", note: "", sex: "P", district: null, districtText: "Bangil", village: null, villageText: "", phone: "" }, 0);
    const second = participant({ nik: "Siti Rahayux\r\ny", parsed: true, name: "Budi", note: "", sex: "L", district: null, districtText: "Bangil", village: null, villageText: "", phone: "" }, 1);
    rows.add(first);
    rows.add(second);
    const people = rows.pdfPeople(Int32Array.from([0, 1]), allPeserta(2));
    expect(people[0]).toEqual({ name: "Siti", nik: "3514********0001", sex: "P", district: "Bangil", village: "", phone: "" });
    expect(people[1]?.village).toBe("");
  });
});
