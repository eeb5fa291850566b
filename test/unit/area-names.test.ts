import { describe, expect, it } from "vitest";
import { createDistrictMatcher, createVillageMatcher, normaliseAreaName, type VillageRef } from "../../src/domain/area-names.js";
import type { AreaRef } from "../../src/domain/participant.js";

// A slice of Kabupaten Pasuruan (35.14) as in the official table, plus a few names made to
// test collisions.
const DISTRICTS: AreaRef[] = [
  { code: "35.14.11", name: "Pandaan" },
  { code: "35.14.14", name: "Bangil" },
  { code: "35.14.16", name: "Kraton" },
  { code: "35.14.17", name: "Pohjentrek" },
  { code: "35.14.18", name: "Gondangwetan" },
  { code: "35.14.24", name: "Tosari" },
];

const VILLAGES: VillageRef[] = [
  { code: "35.14.14.1004", name: "Kauman", districtCode: "35.14.14" },
  { code: "35.14.14.1014", name: "Kalirejo", districtCode: "35.14.14" },
  { code: "35.14.14.2011", name: "Raci", districtCode: "35.14.14" },
  { code: "35.14.16.2020", name: "Kalirejo", districtCode: "35.14.16" },
  { code: "35.14.16.2001", name: "Curahdukuh", districtCode: "35.14.16" },
  { code: "35.14.18.2012", name: "Kalirejo", districtCode: "35.14.18" },
  { code: "35.14.18.2001", name: "Bayeman", districtCode: "35.14.18" },
  // Made up: a kelurahan and a desa of one name in one kecamatan, as the table has elsewhere.
  { code: "35.14.24.1001", name: "Ngadiwono", districtCode: "35.14.24" },
  { code: "35.14.24.2001", name: "Ngadiwono", districtCode: "35.14.24" },
];

describe("normaliseAreaName", () => {
  it.each([
    ["BANGIL", "bangil"],
    ["Kec. Bangil", "bangil"],
    ["Kec.Bangil", "bangil"],
    ["kec bangil", "bangil"],
    ["Kecamatan Bangil", "bangil"],
    ["bangil ", "bangil"],
    ["  Bangil\t", "bangil"],
    ["Desa Kalirejo", "kalirejo"],
    ["Ds. Kalirejo", "kalirejo"],
    ["ds kalirejo", "kalirejo"],
    ["Kel. Kauman", "kauman"],
    ["Kelurahan Kauman", "kauman"],
    ["Kab. Pasuruan", "pasuruan"],
    ["Kabupaten Pasuruan", "pasuruan"],
    ["Kota Pasuruan", "pasuruan"],
    ["Gondang  Wetan", "gondang wetan"],
    ["Bugul-Kidul", "bugul kidul"],
    ["Soka'an", "soka an"],
    ["Kéc. Bañgil", "bangil"],
    // prefixes only as whole leading words
    ["Kecubung", "kecubung"],
    ["Kotaanyar", "kotaanyar"],
    ["Desaku Bangil", "desaku bangil"],
    ["Bangil Kota", "bangil kota"],
    // never strip the whole name
    ["Kota", "kota"],
    ["Kec. Kota", "kota"],
    ["", ""],
    [" .,- ", ""],
  ])("%j -> %j", (raw, want) => {
    expect(normaliseAreaName(raw)).toBe(want);
  });
});

describe("createDistrictMatcher", () => {
  const m = createDistrictMatcher(DISTRICTS);
  it.each([
    ["Bangil", "35.14.14"],
    ["BANGIL", "35.14.14"],
    ["bangil ", "35.14.14"],
    ["Kec. Bangil", "35.14.14"],
    ["Kecamatan Bangil", "35.14.14"],
    ["Gondang Wetan", "35.14.18"],
    ["GONDANG-WETAN", "35.14.18"],
    ["Poh Jentrek", "35.14.17"],
    ["35.14.14", "35.14.14"],
    [" 35.14.24 ", "35.14.24"],
  ])("%j matches %s", (raw, code) => {
    const r = m.match(raw);
    expect(r).toEqual({ ok: true, ref: DISTRICTS.find((d) => d.code === code) });
  });

  it.each([
    ["Pandan", "Pandaan"],
    ["Bangill", "Bangil"],
    ["Kec. Bangill", "Bangil"],
    ["Gondang Wetann", "Gondangwetan"],
    ["Tosary", "Tosari"],
  ])("%j misses and suggests %j", (raw, suggestion) => {
    expect(m.match(raw)).toEqual({ ok: false, suggestion });
  });

  it.each([["Surabaya"], ["Malang"], [""], ["   "], ["-"], ["14"], ["35.14.99"], ["35.75.01"]])("%j misses with no suggestion", (raw) => {
    expect(m.match(raw)).toEqual({ ok: false });
  });

  it("answers repeated spellings from its cache", () => {
    expect(m.match("Kec. Pandaan")).toBe(m.match("Kec. Pandaan"));
  });

  it("never picks one of two places that fold to the same key", () => {
    const two = createDistrictMatcher([
      { code: "99.01.01", name: "Kota Baru" },
      { code: "99.01.02", name: "Baru" },
    ]);
    // exact spellings still win
    expect(two.match("Kota Baru")).toMatchObject({ ok: true, ref: { code: "99.01.01" } });
    expect(two.match("BARU")).toMatchObject({ ok: true, ref: { code: "99.01.02" } });
    expect(two.match("Kec. Kota Baru")).toMatchObject({ ok: true, ref: { code: "99.01.01" } });
    expect(two.match("Kec. Baru")).toMatchObject({ ok: true, ref: { code: "99.01.02" } });
    // "Desa Kota Baru" reduces to "kota baru" only after "desa"; "Kab Kota Baru" to "baru" at
    // the loosest level, where both names share the key: nothing is picked blindly
    const r = two.match("Kab Kec Kota Baru");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.ambiguous?.map((a) => a.code)).toEqual(["99.01.01", "99.01.02"]);
  });
});

describe("createVillageMatcher", () => {
  const m = createVillageMatcher(VILLAGES);
  it.each<[string | undefined, string, string]>([
    ["35.14.14", "Kalirejo", "35.14.14.1014"],
    ["35.14.16", "Desa Kalirejo", "35.14.16.2020"],
    ["35.14.18", "KALIREJO ", "35.14.18.2012"],
    ["35.14.14", "Kel. Kauman", "35.14.14.1004"],
    [undefined, "Raci", "35.14.14.2011"],
    [undefined, "Ds. Curah Dukuh", "35.14.16.2001"],
    [undefined, "35.14.18.2001", "35.14.18.2001"],
    ["35.14.18", "35.14.18.2001", "35.14.18.2001"],
    // a kecamatan outside the regency's table: search the whole regency
    ["35.75.01", "Bayeman", "35.14.18.2001"],
    // kelurahan vs desa of one name, told apart by the word before it
    ["35.14.24", "Kelurahan Ngadiwono", "35.14.24.1001"],
    ["35.14.24", "Desa Ngadiwono", "35.14.24.2001"],
  ])("kecamatan %s, %j matches %s", (district, raw, code) => {
    const r = m.match(district, raw);
    expect(r.ok && r.ref.code).toBe(code);
  });

  it("returns a plain AreaRef", () => {
    expect(m.match("35.14.14", "Raci")).toEqual({ ok: true, ref: { code: "35.14.14.2011", name: "Raci" } });
  });

  it("does not guess a desa name shared by several kecamatan", () => {
    const r = m.match(undefined, "Kalirejo");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.ambiguous?.map((a) => a.code)).toEqual(["35.14.14.1014", "35.14.16.2020", "35.14.18.2012"]);
    const same = m.match("35.14.24", "Ngadiwono");
    expect(same.ok).toBe(false);
    expect(!same.ok && same.ambiguous?.length).toBe(2);
  });

  it("does not accept a desa of another kecamatan", () => {
    expect(m.match("35.14.14", "Bayeman")).toEqual({ ok: false });
    expect(m.match("35.14.14", "35.14.18.2001")).toEqual({ ok: false });
  });

  it.each<[string | undefined, string, string]>([
    ["35.14.14", "Kaumann", "Kauman"],
    ["35.14.18", "Bayemen", "Bayeman"],
    [undefined, "Curahduku", "Curahdukuh"],
  ])("kecamatan %s, %j misses and suggests %j", (district, raw, suggestion) => {
    expect(m.match(district, raw)).toEqual({ ok: false, suggestion });
  });

  it("suggests only from the person's kecamatan", () => {
    // "Bayemen" is close to Bayeman of 35.14.18, not a desa of Bangil
    expect(m.match("35.14.14", "Bayemen")).toEqual({ ok: false });
  });

  it("caches per kecamatan and spelling", () => {
    expect(m.match("35.14.14", "kalirejo")).toBe(m.match("35.14.14", "kalirejo"));
    expect(m.match("35.14.16", "kalirejo")).not.toEqual(m.match("35.14.14", "kalirejo"));
  });
});
