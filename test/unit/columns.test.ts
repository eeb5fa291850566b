import { describe, expect, it } from "vitest";
import { canonicalColumn, mapHeader } from "../../src/domain/columns.js";

describe("header aliases", () => {
  it.each([
    ["No. KTP", "nik"], ["No KTP", "nik"], ["NIK", "nik"], ["Nama Lengkap", "nama"], ["Nama Peserta", "nama"],
    ["JK", "jenis_kelamin"], ["L/P", "jenis_kelamin"], ["Jenis Kelamin", "jenis_kelamin"], ["Tgl Lahir", "tanggal_lahir"],
    ["Tgl. Lahir", "tanggal_lahir"], ["Kec", "kecamatan"], ["Kec.", "kecamatan"], ["Desa/Kel", "desa"],
    ["Desa/Kelurahan", "desa"], ["Kelurahan", "desa"], ["Jenis Disabilitas", "disabilitas"], ["Ragam Disabilitas", "disabilitas"],
    ["No HP", "telepon"], ["No. HP", "telepon"], ["HP", "telepon"], ["No Telp", "telepon"], ["Telepon", "telepon"],
    ["WA", "telepon"], ["Hadir 1", "hadir_1"], ["Hari 1", "hadir_1"], ["hadir_12", "hadir_12"], [" STATUS ", "status"],
    ["Tanggal Daftar", "tanggal_daftar"], ["Nilai", "nilai"], ["NIB", "nib"], ["Pameran", "pameran"], ["Umur", undefined],
  ])("%s -> %s", (header, canonical) => {
    expect(canonicalColumn(header)).toBe(canonical);
  });

  it("ignores a leading row-number column and attendance beyond the program's days", () => {
    const m = mapHeader(["No", "nik", "nama", "kecamatan", "hadir_1", "hadir_5"], "a.csv", 4);
    expect(m.columns).toEqual([undefined, "nik", "nama", "kecamatan", "hadir_1", undefined]);
    expect(m.findings.map((f) => `${f.code}:${f.column}`)).toEqual(["CSV_HEADER_UNKNOWN:6"]);
    expect(m.days).toBe(1);
  });

  it("suggests the nearest column for a typo", () => {
    const m = mapHeader(["nik", "nama", "kecamatn", "kecamatan"], "a.csv", 4);
    expect(m.findings[0]?.args.suggestion).toBe("kecamatan");
  });
});
