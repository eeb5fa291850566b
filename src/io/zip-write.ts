/**
 * A minimal ZIP writer (deflate, one fixed date for every entry) for the roster XLSX: the
 * same entries always give the same bytes, and 100,000 rows zip in a fraction of a second.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import { ByteWriter } from "./bytes.js";

/** Content already deflated (DeflateWriter.finish). */
export interface Packed {
  /** Raw deflate data, in pieces that follow one another. */
  packed: readonly Buffer[];
  size: number;
  crc: number;
}

export type ZipEntry = { name: string } & ({ /** The content, possibly in chunks (a large sheet is never one string). */ data: readonly Buffer[] } | Packed);

/**
 * A zip entry's content, deflated a chunk at a time as it is written: a sheet of 100,000
 * rows (37 MB of XML) never needs a buffer of its size, only one of a megabyte, used again
 * for every chunk. Each chunk is deflated on its own and ends with a sync flush, so the
 * pieces together are one deflate stream (as pigz makes them).
 */
export class DeflateWriter extends ByteWriter {
  private readonly pieces: Buffer[] = [];
  private crc = 0;
  private size = 0;

  constructor(private readonly chunk = 1 << 20) {
    super(chunk + (1 << 16));
  }

  protected override room(bytes: number): void {
    if (this.pos > 0 && this.pos + bytes > this.chunk) this.flush(false);
    super.room(bytes);
  }

  private flush(last: boolean): void {
    // level 2: on a roster's sheet as fast as level 1 (25-27 ms for 37 MB of XML) and 8%
    // smaller (1.85 against 2.01 MB)
    const data = this.buf.subarray(0, this.pos);
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    this.pieces.push(deflateRawSync(data, { level: 2, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
    this.pos = 0;
  }

  /** The content as a zip entry's data; write no more after this. */
  finish(): Packed {
    this.flush(true);
    return { packed: this.pieces, size: this.size, crc: this.crc >>> 0 };
  }
}

function pack(e: ZipEntry): Packed {
  if ("packed" in e) return e;
  const data = e.data.length === 1 ? (e.data[0] as Buffer) : Buffer.concat(e.data);
  // level 1: a 57 MB sheet packs in 45 ms instead of 185 ms, for a file 10% larger
  return { packed: [deflateRawSync(data, { level: 1 })], size: data.length, crc: crc32(data) };
}

function dosDateTime(iso: string): { time: number; date: number } {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return { time: 0, date: ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d };
}

/** `dateIso`: the yyyy-mm-dd written as every entry's modification date (midnight). */
export function zip(entries: readonly ZipEntry[], dateIso: string): Buffer {
  const { time, date } = dosDateTime(dateIso);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const { packed, size, crc } = pack(e);
    const packedSize = packed.reduce((n, b) => n + b.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packedSize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packedSize, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, ...packed);
    central.push(dir, name);
    offset += local.length + name.length + packedSize;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
