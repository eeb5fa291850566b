import { describe, expect, it } from "vitest";
import { createDistrictMatcher, createVillageMatcher } from "../../src/domain/area-names.js";
import { loadAreaIndex, loadVillages } from "../../src/io/area-data.js";

// The real table shipped by idn-area-data (Kepmendagri 2025).
describe("loadAreaIndex", () => {
  it("knows Kabupaten Pasuruan and its 24 kecamatan in code order", async () => {
    const idx = await loadAreaIndex();
    expect(idx.regency("35.14")).toEqual({
      code: "35.14",
      name: "Kabupaten Pasuruan",
      province: { code: "35", name: "Jawa Timur" },
    });
    const ds = idx.districtsOf("35.14");
    expect(ds).toHaveLength(24);
    expect(ds[0]).toEqual({ code: "35.14.01", name: "Purwodadi" });
    expect(ds[13]).toEqual({ code: "35.14.14", name: "Bangil" });
    expect(ds[23]).toEqual({ code: "35.14.24", name: "Tosari" });
    const codes = ds.map((d) => d.code);
    expect(codes).toEqual([...codes].sort());
  });

  it("tells Kota Pasuruan (35.75) apart, with 4 kecamatan", async () => {
    const idx = await loadAreaIndex();
    expect(idx.regency("35.75")?.name).toBe("Kota Pasuruan");
    expect(idx.districtsOf("35.75").map((d) => d.code)).toEqual(["35.75.01", "35.75.02", "35.75.03", "35.75.04"]);
  });

  it("knows Kota Bandung (32.73) with 30 kecamatan", async () => {
    const idx = await loadAreaIndex();
    expect(idx.regency("32.73")).toMatchObject({ name: "Kota Bandung", province: { code: "32", name: "Jawa Barat" } });
    expect(idx.districtsOf("32.73")).toHaveLength(30);
  });

  it("answers existence of provinces and regencies", async () => {
    const idx = await loadAreaIndex();
    expect(idx.provinceExists("35")).toBe(true);
    expect(idx.provinceExists("99")).toBe(false);
    expect(idx.regencyExists("35.14")).toBe(true);
    expect(idx.regencyExists(" 35.14 ")).toBe(true);
    expect(idx.regencyExists("99.99")).toBe(false);
    expect(idx.regencyExists("3514")).toBe(false);
    expect(idx.regency("99.99")).toBeUndefined();
    expect(idx.districtsOf("99.99")).toEqual([]);
  });

  it("finds any kecamatan of Indonesia by code, including quoted names", async () => {
    const idx = await loadAreaIndex();
    expect(idx.district("35.14.14")).toEqual({ code: "35.14.14", name: "Bangil" });
    expect(idx.district("32.73.01")?.name).toBeTruthy();
    expect(idx.district("35.29.22")).toEqual({ code: "35.29.22", name: 'Ra"as' });
    expect(idx.district("35.14.99")).toBeUndefined();
  });

  it("is loaded once per process and hands out copies", async () => {
    const a = await loadAreaIndex();
    expect(await loadAreaIndex()).toBe(a);
    const ds = a.districtsOf("35.14");
    (ds[0] as { name: string }).name = "changed";
    expect(a.districtsOf("35.14")[0]?.name).toBe("Purwodadi");
  });
});

describe("loadVillages", () => {
  it("reads the 365 desa/kelurahan of Kabupaten Pasuruan and nothing else", async () => {
    const vs = await loadVillages("35.14");
    expect(vs).toHaveLength(365);
    expect(vs.every((v) => v.code.startsWith("35.14.") && v.code.startsWith(`${v.districtCode}.`))).toBe(true);
    expect(vs).toContainEqual({ code: "35.14.14.1004", name: "Kauman", districtCode: "35.14.14" });
    expect(new Set(vs.map((v) => v.districtCode)).size).toBe(24);
  });

  it("reads another region from the same file (Kota Bandung: 151)", async () => {
    const vs = await loadVillages("32.73");
    expect(vs).toHaveLength(151);
    expect(vs.every((v) => v.code.startsWith("32.73."))).toBe(true);
  });

  it("keeps quoted names whole", async () => {
    const vs = await loadVillages("35.13");
    expect(vs.find((v) => v.code === "35.13.15.2017")?.name).toBe('Soka"an');
    const deli = await loadVillages("12.07");
    expect(deli.find((v) => v.code === "12.07.28.1007")?.name).toBe("Lubuk Pakam I,II");
  });

  it("finds the first and the last regency of the file", async () => {
    expect((await loadVillages("11.01")).length).toBeGreaterThan(0);
    const last = await loadVillages("96.71");
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((v) => v.code.startsWith("96.71."))).toBe(true);
    expect(last.at(-1)).toEqual({ code: "96.71.10.1004", name: "Tanjung Kasuari", districtCode: "96.71.10" });
  });

  it.each([["99.99"], ["35"], ["35.1"], [""], ["35.14.14"]])("returns nothing for %j", async (code) => {
    expect(await loadVillages(code)).toEqual([]);
  });
});

describe("matching on the real table", () => {
  it("matches the loose kecamatan spellings of Kabupaten Pasuruan", async () => {
    const m = createDistrictMatcher((await loadAreaIndex()).districtsOf("35.14"));
    const code = (raw: string) => {
      const r = m.match(raw);
      return r.ok ? r.ref.code : r.suggestion;
    };
    expect(code("BANGIL")).toBe("35.14.14");
    expect(code("Kec. Gondang Wetan")).toBe("35.14.18");
    expect(code("Poh Jentrek")).toBe("35.14.17");
    expect(code("35.14.11")).toBe("35.14.11");
    expect(code("Pandan")).toBe("Pandaan");
    expect(code("Bangill")).toBe("Bangil");
    // a kecamatan of Kota Pasuruan is not one of Kabupaten Pasuruan
    expect(m.match("Gadingrejo")).toMatchObject({ ok: false });
  });

  it("matches desa within their kecamatan", async () => {
    const m = createVillageMatcher(await loadVillages("35.14"));
    expect(m.match("35.14.14", "Kalirejo")).toMatchObject({ ok: true, ref: { code: "35.14.14.1014" } });
    expect(m.match("35.14.18", "Desa Kalirejo")).toMatchObject({ ok: true, ref: { code: "35.14.18.2012" } });
    expect(m.match(undefined, "Kalirejo")).toMatchObject({ ok: false });
    expect(m.match(undefined, "Kauman")).toMatchObject({ ok: true, ref: { code: "35.14.14.1004" } });
  });

  it("tells a kelurahan from a desa of the same name in one kecamatan (12.01.10)", async () => {
    const m = createVillageMatcher(await loadVillages("12.01"));
    expect(m.match("12.01.10", "Kel. Sorkam Kanan")).toMatchObject({ ok: true, ref: { code: "12.01.10.1001" } });
    expect(m.match("12.01.10", "Desa Sorkam Kanan")).toMatchObject({ ok: true, ref: { code: "12.01.10.2018" } });
    expect(m.match("12.01.10", "Sorkam Kanan")).toMatchObject({ ok: false });
  });
});
