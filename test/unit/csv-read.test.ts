import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv, MAX_SYNTAX_FINDINGS, READ_CHUNK_BYTES, type CsvInfo } from "../../src/io/csv-read.js";
import { SCAN_CHUNK_BYTES } from "../../src/io/csv-encoding.js";
import { MAX_RECORD_CHARS } from "../../src/io/csv-records.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "csv-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Read {
  info?: CsvInfo;
  header?: { cells: string[]; line: number; info: CsvInfo };
  rows: { cells: string[]; line: number }[];
  count: number;
  findings: { code: string; line?: number; args: Record<string, unknown> }[];
  progress: [number, number][];
}

let n = 0;
async function readBytes(content: string | Buffer): Promise<Read> {
  const path = join(dir, `list-${n++}.csv`);
  await writeFile(path, content);
  return readPath(path);
}

async function readPath(path: string): Promise<Read> {
  const out: Read = { rows: [], count: 0, findings: [], progress: [] };
  const r = await readCsv(path, "peserta.csv", {
    onHeader: (cells, line, info) => {
      expect(out.header).toBeUndefined();
      out.header = { cells, line, info };
    },
    onRow: (cells, line) => void out.rows.push({ cells, line }),
    onProgress: (done, total) => void out.progress.push([done, total]),
  });
  out.info = r.info;
  out.count = r.rows;
  out.findings = r.findings.map((f) => ({ code: f.code, line: f.line, args: f.args }));
  for (const f of r.findings) expect(f.file).toBe("peserta.csv");
  return out;
}

const latin1 = (s: string): Buffer => Buffer.from(s, "latin1");
const utf16 = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const lines = (r: Read): number[] => r.rows.map((x) => x.line);

describe("encodings", () => {
  it("accepts UTF-8 with a BOM silently and removes the BOM", async () => {
    const r = await readBytes("\uFEFFno,nama\r\n1,Siti Ma’ruf\r\n");
    expect(r.findings).toEqual([]);
    expect(r.header).toEqual({ cells: ["no", "nama"], line: 1, info: { encoding: "utf-8", bom: true, delimiter: "," } });
    expect(r.rows).toEqual([{ cells: ["1", "Siti Ma’ruf"], line: 2 }]);
    expect(r.info).toEqual({ encoding: "utf-8", bom: true, delimiter: "," });
  });

  it("accepts UTF-8 without a BOM", async () => {
    const r = await readBytes("no,nama\n1,Dédé Āhmad\n");
    expect(r.findings).toEqual([]);
    expect(r.info).toEqual({ encoding: "utf-8", bom: false, delimiter: "," });
    expect(r.rows[0]?.cells).toEqual(["1", "Dédé Āhmad"]);
  });

  it("decodes Windows-1252 with a CSV_ENCODING warning", async () => {
    const r = await readBytes(latin1("no;nama;catatan\r\n1;Ma\xe9ruf;\x80 50\r\n"));
    expect(r.findings).toEqual([{ code: "CSV_ENCODING", line: undefined, args: { encoding: "windows-1252" } }]);
    expect(r.info).toEqual({ encoding: "windows-1252", bom: false, delimiter: ";" });
    expect(r.rows).toEqual([{ cells: ["1", "Maéruf", "€ 50"], line: 2 }]);
  });

  it("restarts as Windows-1252 when the only bad byte is at the end of a large file, delivering each row once", async () => {
    const body = "no,nama\n" + Array.from({ length: 100_000 }, (_, i) => `${i + 1},Nama ${i + 1}\n`).join("");
    expect(body.length).toBeGreaterThan(SCAN_CHUNK_BYTES);
    const r = await readBytes(Buffer.concat([Buffer.from(body), latin1("100001,Ma\xe9ruf\n")]));
    expect(r.findings.map((f) => f.code)).toEqual(["CSV_ENCODING"]);
    expect(r.count).toBe(100_001);
    expect(r.rows.length).toBe(100_001);
    expect(r.rows.at(-1)).toEqual({ cells: ["100001", "Maéruf"], line: 100_002 });
  });

  it("accepts UTF-16LE with a BOM and tabs (Excel Unicode text)", async () => {
    const r = await readBytes(utf16("no\tnama\tkecamatan\r\n1\tSiti Ā 😀\tBangil\r\n"));
    expect(r.findings).toEqual([]);
    expect(r.info).toEqual({ encoding: "utf-16le", bom: true, delimiter: "\t" });
    expect(r.rows).toEqual([{ cells: ["1", "Siti Ā 😀", "Bangil"], line: 2 }]);
  });

  it.each([SCAN_CHUNK_BYTES, READ_CHUNK_BYTES])("keeps a UTF-16 surrogate pair whole across a chunk boundary (%i)", async (chunk) => {
    const pad = "x".repeat((chunk - 2) / 2 - 7);
    const bytes = utf16(`a\tb\r\n1\t${pad}😀\r\n`);
    expect(bytes.readUInt16LE(chunk)).toBe(0xd83d);
    const r = await readBytes(bytes);
    expect(r.findings).toEqual([]);
    expect(r.rows).toEqual([{ cells: ["1", pad + "😀"], line: 2 }]);
  });

  it.each([
    ["a byte Windows-1252 leaves undefined", latin1("no,nama\n1,Siti\n2,Ma\xe9ruf \x81\n"), 3, 24],
    ["invalid UTF-8 after a UTF-8 BOM", Buffer.concat([Buffer.from("\uFEFFno,nama\r\n1,Dédé\r\n2,"), latin1("Ma\xe9ruf\r\n")]), 3, 26],
    ["a lone surrogate in UTF-16", Buffer.concat([utf16("no\tnama\n1\tab"), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), 2, 26],
    ["a lone surrogate ending a UTF-16 file", Buffer.concat([utf16("no\tnama\r\n1\tab"), Buffer.from([0x00, 0xd8])]), 2, 28],
    ["an odd byte ending a UTF-16 file", Buffer.concat([utf16("no\tnama\r\n1\tab"), Buffer.from([0x41])]), 2, 28],
  ])("reports %s as CSV_ENCODING_INVALID with line and byte offset", async (_name, bytes, line, offset) => {
    const r = await readBytes(bytes);
    expect(r.findings).toEqual([{ code: "CSV_ENCODING_INVALID", line, args: { line, offset } }]);
    expect(r.header).toBeUndefined();
    expect(r.rows).toEqual([]);
  });

  it("reports NUL bytes (binary) as CSV_ENCODING_INVALID", async () => {
    const r = await readBytes(Buffer.from("no,nama\r\n1,Siti\r\n2,\0\0\0"));
    expect(r.findings).toEqual([{ code: "CSV_ENCODING_INVALID", line: 3, args: { line: 3, offset: 19, reason: "binary" } }]);
    expect(r.header).toBeUndefined();
  });

  it("reports an XLSX (zip) file as CSV_ENCODING_INVALID", async () => {
    const r = await readBytes(Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"), Buffer.alloc(64, 7)]));
    expect(r.findings).toEqual([{ code: "CSV_ENCODING_INVALID", line: undefined, args: { reason: "xlsx" } }]);
    expect(r.header).toBeUndefined();
  });
});

describe("delimiters", () => {
  it.each([
    ["no;nama;nik\n1;Siti, S.Pd;3514014101900001\n", ";", ["1", "Siti, S.Pd", "3514014101900001"]],
    ["no\tnama\tnik\n1\tSiti; Ani\t3514014101900001\n", "\t", ["1", "Siti; Ani", "3514014101900001"]],
    ['"no;x",nama\n1;a,b\n', ",", ["1;a", "b"]],
    ["no;nama,nik\n1;2,3\n", ",", ["1;2", "3"]],
    ["\n;;\n  \nnama;nik\n1;2\n", ";", ["1", "2"]],
    ["nama\nSiti\n", ",", ["Siti"]],
  ])("detects the delimiter of %j from the header", async (text, delimiter, row) => {
    const r = await readBytes(text);
    expect(r.info?.delimiter).toBe(delimiter);
    expect(r.rows[0]?.cells).toEqual(row);
    expect(r.findings).toEqual([]);
  });
});

describe("syntax", () => {
  it("reports a ragged row at its line, skips it, and reads on", async () => {
    const r = await readBytes("no,nama\n1,Siti\n2,Ani,extra\n3\n4,Budi\n");
    expect(r.findings).toEqual([
      { code: "CSV_SYNTAX", line: 3, args: { kind: "ragged", expected: 2, got: 3 } },
      { code: "CSV_SYNTAX", line: 4, args: { kind: "ragged", expected: 2, got: 1 } },
    ]);
    expect(lines(r)).toEqual([2, 5]);
    expect(r.count).toBe(2);
  });

  it("reports an unclosed quote at the line where it opens and stops reading", async () => {
    const r = await readBytes('no,nama\n1,Siti\n2,"Ani\n3,Budi\n4,Dewi\n');
    expect(r.findings).toEqual([{ code: "CSV_SYNTAX", line: 3, args: { kind: "unclosed_quote" } }]);
    expect(lines(r)).toEqual([2]);
  });

  it("reports stray quotes at their line, skips those rows, and reads on", async () => {
    const r = await readBytes('no,nama\n1,Si"ti\n2,"Ani" S\n3,"Bu\ndi"x\n4,Dewi\n');
    expect(r.findings).toEqual([
      { code: "CSV_SYNTAX", line: 2, args: { kind: "stray_quote" } },
      { code: "CSV_SYNTAX", line: 3, args: { kind: "stray_quote" } },
      { code: "CSV_SYNTAX", line: 4, args: { kind: "unclosed_quote" } },
      { code: "CSV_SYNTAX", line: 5, args: { kind: "stray_quote" } },
    ]);
    expect(r.rows).toEqual([{ cells: ["4", "Dewi"], line: 6 }]);
  });

  it("reports a quote left open before a later quoted field at the line where it opens, and reads the lines after it", async () => {
    const r = await readBytes('no,nama\n1,"Siti\n2,"Ani"\n3,Budi\n');
    expect(r.findings).toEqual([{ code: "CSV_SYNTAX", line: 2, args: { kind: "unclosed_quote" } }]);
    expect(r.rows).toEqual([
      { cells: ["2", "Ani"], line: 3 },
      { cells: ["3", "Budi"], line: 4 },
    ]);
  });

  it("keeps line numbers right after a quoted multi-line field", async () => {
    const r = await readBytes('no,alamat\r\n1,"Jl. Merdeka 5\r\nRT 01, RW 02\nBangil"\r\n2,x,y\r\n3,"a ""b"""\r\n');
    expect(r.rows).toEqual([
      { cells: ["1", "Jl. Merdeka 5\r\nRT 01, RW 02\nBangil"], line: 2 },
      { cells: ["3", 'a "b"'], line: 6 },
    ]);
    expect(r.findings).toEqual([{ code: "CSV_SYNTAX", line: 5, args: { kind: "ragged", expected: 2, got: 3 } }]);
  });

  it("stops at a syntax error in the header rather than take a later line as the header", async () => {
    const r = await readBytes('no,na"ma\n1,Siti\n');
    expect(r.findings).toEqual([{ code: "CSV_SYNTAX", line: 1, args: { kind: "stray_quote" } }]);
    expect(r.header).toBeUndefined();
    expect(r.rows).toEqual([]);
  });

  it("takes a quoted field that never closes within the limit as an unclosed quote (bounded memory)", async () => {
    const r = await readBytes(`no,nama\n1,Siti\n2,"${"x".repeat(MAX_RECORD_CHARS + 2 * READ_CHUNK_BYTES)}\n3,Ani\n`);
    expect(r.findings).toEqual([{ code: "CSV_SYNTAX", line: 3, args: { kind: "unclosed_quote" } }]);
    expect(lines(r)).toEqual([2]);
  });

  it(`keeps at most ${MAX_SYNTAX_FINDINGS} CSV_SYNTAX findings and says how many there were`, async () => {
    const r = await readBytes("a,b\n" + "1,2,3\n".repeat(MAX_SYNTAX_FINDINGS + 5));
    expect(r.findings.filter((f) => f.code === "CSV_SYNTAX")).toHaveLength(MAX_SYNTAX_FINDINGS);
    expect(r.findings.at(-1)).toEqual({
      code: "FINDINGS_TRUNCATED",
      line: undefined,
      args: { code: "CSV_SYNTAX", shown: MAX_SYNTAX_FINDINGS, total: MAX_SYNTAX_FINDINGS + 5 },
    });
  });
});

describe("lines and blank lines", () => {
  it("skips blank lines (empty, delimiters, whitespace) but counts them", async () => {
    const r = await readBytes("\n\nno,nama\n\n1,Siti\n,\n \t , \n2,Ani\n\n\n");
    expect(r.header?.line).toBe(3);
    expect(r.rows).toEqual([
      { cells: ["1", "Siti"], line: 5 },
      { cells: ["2", "Ani"], line: 8 },
    ]);
    expect(r.findings).toEqual([]);
  });

  it.each(["no,nama", "no,nama\r\n", "no,nama\n\n\n"])("reads a header-only file %j as 0 rows", async (text) => {
    const r = await readBytes(text);
    expect(r.header?.cells).toEqual(["no", "nama"]);
    expect(r.count).toBe(0);
    expect(r.findings).toEqual([]);
  });

  it.each([
    ["CRLF", "\r\n"],
    ["LF", "\n"],
    ["CR-only (old Mac Excel)", "\r"],
  ])("reads %s line ends", async (_name, eol) => {
    const r = await readBytes(["no,nama", "1,Siti", "", '2,"A' + eol + 'ni"', "3,Budi"].join(eol) + eol);
    expect(r.rows).toEqual([
      { cells: ["1", "Siti"], line: 2 },
      { cells: ["2", "A" + eol + "ni"], line: 4 },
      { cells: ["3", "Budi"], line: 6 },
    ]);
    expect(r.findings).toEqual([]);
  });

  it("delivers cells exactly as written", async () => {
    const r = await readBytes("nik,telepon,nama\n3514014101900001,0812345678, Siti  \n");
    expect(r.rows[0]?.cells).toEqual(["3514014101900001", "0812345678", " Siti  "]);
  });

  const shifts = [0, 1, 2, 3].flatMap((shift) => [SCAN_CHUNK_BYTES, READ_CHUNK_BYTES].map((chunk) => [chunk, shift]));
  it.each(shifts)("keeps CRLF, multi-byte characters and quotes whole across a chunk boundary (%i, shift %i)", async (chunk, shift) => {
    const first = "no,nama\r\n";
    const pad = "x".repeat(chunk - first.length - 4 - shift);
    const text = `${first}1,${pad}\r\n2,"Dé\r\ndé"\r\n3,Ā😀\r\n`;
    const r = await readBytes(text);
    expect(r.rows).toEqual([
      { cells: ["1", pad], line: 2 },
      { cells: ["2", "Dé\r\ndé"], line: 3 },
      { cells: ["3", "Ā😀"], line: 5 },
    ]);
    expect(r.findings).toEqual([]);
  });
});

describe("unusable files", () => {
  it.each([
    ["an empty file", ""],
    ["a BOM only", "\uFEFF"],
    ["whitespace only", " \r\n\t\n"],
    ["delimiters only", ",,\n;\n"],
  ])("reports %s as CSV_EMPTY", async (_name, text) => {
    const r = await readBytes(text);
    expect(r.findings.map((f) => f.code)).toEqual(["CSV_EMPTY"]);
    expect(r.header).toBeUndefined();
  });

  it("reports a folder as FILE_UNREADABLE", async () => {
    const folder = join(dir, "a-folder.csv");
    await mkdir(folder);
    const r = await readPath(folder);
    expect(r.findings).toEqual([{ code: "FILE_UNREADABLE", line: undefined, args: { reason: "directory" } }]);
  });

  it("reports a missing file as FILE_UNREADABLE", async () => {
    const r = await readPath(join(dir, "nope", "missing.csv"));
    expect(r.findings).toEqual([{ code: "FILE_UNREADABLE", line: undefined, args: { reason: "missing" } }]);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === "win32")("reports a file without read permission", async () => {
    const path = join(dir, "locked.csv");
    await writeFile(path, "a,b\n", { mode: 0o000 });
    const r = await readPath(path);
    expect(r.findings).toEqual([{ code: "FILE_UNREADABLE", line: undefined, args: { reason: "permission" } }]);
  });
});

describe("handlers", () => {
  it("lets an error thrown by a handler through: it is a bug, not a finding about the file", async () => {
    const path = join(dir, "handler.csv");
    await writeFile(path, "a,b\n1,2\n");
    const boom = Object.assign(new Error("EACCES: out.csv"), { code: "EACCES", syscall: "open" });
    const read = readCsv(path, "handler.csv", {
      onHeader: () => {},
      onRow: () => {
        throw boom;
      },
    });
    await expect(read).rejects.toBe(boom);
  });
});

describe("progress", () => {
  it("reports progress at most every few MB and ends at the file size", async () => {
    const text = "no,nama\n" + "1,Siti Rahayu\n".repeat(700_000);
    const r = await readBytes(text);
    expect(r.count).toBe(700_000);
    expect(r.progress.length).toBeLessThanOrEqual(Math.ceil(text.length / (4 << 20)) + 1);
    expect(r.progress.at(-1)).toEqual([text.length, text.length]);
    for (let i = 1; i < r.progress.length; i++) expect(r.progress[i]![0]).toBeGreaterThan(r.progress[i - 1]![0]);
  });
});
