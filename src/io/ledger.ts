/**
 * The certificate register: an append-only event log in <workspace>/register-sertifikat.csv
 * (format in ledger-format.ts and docs/certificates.md). Events are buffered and appended
 * with one write + fsync per flush; a crash can only tear the last line, which the next
 * open drops. One run at a time holds <register>.lock (its pid); a lock whose process is
 * gone is taken over.
 */
import { open, readFile, rm, stat, type FileHandle } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { normaliseCode } from "../domain/certificate-claim.js";
import { OutputError, UserError } from "../errors.js";
import { ensureDir, writeFileAtomic } from "./atomic-write.js";
import { eventLine, LEDGER_HEADER, parseEventLine, type IssuedFields, type LedgerEvent } from "./ledger-format.js";

export interface LedgerEntry extends IssuedFields {
  revoked?: { reason: string; at: string };
  /** Hashes of earlier files of this certificate (re-created with another template): still genuine. */
  earlierSha256?: string[];
}

export const LEDGER_FILE = "register-sertifikat.csv";

export interface LedgerOptions {
  readOnly?: boolean;
  /** Another register file than <root>/register-sertifikat.csv (verify --ledger). */
  file?: string;
  /** Clock for the `waktu` column (tests). */
  now?: () => Date;
}

export class Ledger {
  readonly path: string;
  readonly repaired: string | undefined;
  private readonly list: LedgerEntry[] = [];
  private readonly numbers = new Map<string, LedgerEntry>();
  private readonly codes = new Map<string, LedgerEntry>();
  private readonly people = new Map<string, LedgerEntry[]>();
  private readonly seqs = new Map<string, Set<number>>();
  private readonly top = new Map<string, number>();
  private pending: string[] = [];
  private closed = false;

  private constructor(
    path: string,
    repaired: string | undefined,
    private readonly fh: FileHandle | undefined,
    private readonly lock: string | undefined,
    private readonly now: () => Date,
  ) {
    this.path = path;
    this.repaired = repaired;
  }

  static path(root: string): string {
    return join(root, LEDGER_FILE);
  }

  static async open(root: string, opts: LedgerOptions = {}): Promise<Ledger> {
    const path = opts.file ?? Ledger.path(root);
    const now = opts.now ?? (() => new Date());
    if (opts.readOnly) {
      const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
        if (e.code === "ENOENT") return "";
        throw new UserError("LEDGER_UNREADABLE", `register tidak dapat dibaca / cannot read the register (${e.code ?? "EIO"})`, { file: path });
      });
      const { events, torn } = parse(text, path);
      const l = new Ledger(path, torn ? "baris terakhir terpotong diabaikan (tidak diubah: hanya baca) / torn last line ignored (read-only: not changed)" : undefined, undefined, undefined, now);
      l.replay(events, path);
      return l;
    }
    await ensureDir(root);
    const lock = await takeLock(`${path}.lock`);
    try {
      if (!(await stat(path).catch(() => undefined))) await writeFileAtomic(path, LEDGER_HEADER);
      const text = await readFile(path, "utf8");
      const { events, torn, keepBytes, end } = parse(text, path);
      let repaired: string | undefined;
      if (end === "header") {
        await writeFileAtomic(path, LEDGER_HEADER);
      } else if (torn || end === "newline") {
        const fh = await open(path, "r+");
        try {
          if (torn) await fh.truncate(keepBytes);
          else await fh.write("\n", keepBytes);
          await fh.sync();
        } finally {
          await fh.close();
        }
        repaired = torn
          ? `baris terakhir yang terpotong (sisa proses yang terhenti) dibuang / removed a torn last line left by an interrupted run (${torn} bytes)`
          : "akhir baris yang hilang pada baris terakhir ditambahkan / added the missing newline at the end";
      }
      const l = new Ledger(path, repaired, await open(path, "a"), lock, now);
      l.replay(events, path);
      return l;
    } catch (e) {
      await rm(lock, { force: true });
      throw e;
    }
  }

  entries(): LedgerEntry[] {
    return this.list.map((e) => ({ ...e }));
  }

  byNumber(number: string): LedgerEntry | undefined {
    const e = this.numbers.get(number);
    return e && { ...e };
  }

  byCode(code: string): LedgerEntry | undefined {
    const n = normaliseCode(code);
    const e = n === undefined ? undefined : this.codes.get(n);
    return e && { ...e };
  }

  current(program: string, nik: string): LedgerEntry | undefined {
    const e = this.people.get(personKey(program, nik))?.find((x) => !x.revoked);
    return e && { ...e };
  }

  history(program: string, nik: string): LedgerEntry[] {
    return (this.people.get(personKey(program, nik)) ?? []).map((e) => ({ ...e }));
  }

  /** 1 + the highest running number ever recorded in the series (revoked ones count). */
  nextSeq(series: string): number {
    return (this.top.get(series) ?? 0) + 1;
  }

  issue(e: IssuedFields): void {
    this.record({ event: "terbit", entry: { ...e }, at: this.stamp() });
  }

  updateFile(number: string, file: string, sha256: string): void {
    this.record({ event: "berkas", number, file, sha256, at: this.stamp() });
  }

  revoke(number: string, reason: string): void {
    // eslint-disable-next-line no-control-regex
    const why = reason.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
    if (why === "") throw new UserError("REVOKE_REASON", "alasan pencabutan wajib diisi / a reason for revoking is required");
    this.record({ event: "cabut", number, reason: why, at: this.stamp() });
  }

  /** Appends the buffered events with one write, then fsync. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    if (!this.fh) throw new Error("ledger opened read-only");
    const data = this.pending.join("");
    try {
      await this.fh.writeFile(data);
      await this.fh.sync();
    } catch (e) {
      throw new OutputError("OUTPUT_WRITE", `gagal menulis register / cannot write the register (${(e as NodeJS.ErrnoException).code ?? "EIO"})`, { file: this.path });
    }
    this.pending = [];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      await this.fh?.close();
      if (this.lock) await rm(this.lock, { force: true });
    }
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private record(ev: LedgerEvent): void {
    if (!this.fh || this.closed) throw new Error("ledger is read-only or closed");
    const line = eventLine(ev); // throws on a control character before anything changes
    const problem = this.apply(ev);
    if (problem) throw new UserError("LEDGER_CONFLICT", problem, { file: this.path });
    this.pending.push(line);
  }

  private replay(events: { ev: LedgerEvent; line: number }[], file: string): void {
    for (const { ev, line } of events) {
      const problem = this.apply(ev);
      if (problem) throw new UserError("LEDGER_INVALID", `register rusak / the register is damaged: ${problem}`, { file, line, hint: HAND_EDIT_HINT });
    }
  }

  /** Applies one event to the state, or returns why it cannot be (nothing changed then). */
  private apply(ev: LedgerEvent): string | undefined {
    if (ev.event === "terbit") {
      const x = ev.entry;
      if (this.numbers.has(x.number)) return `nomor ${x.number} sudah terbit / number ${x.number} was already issued`;
      if (this.seqs.get(x.series)?.has(x.seq)) return `nomor urut ${x.seq} seri ${x.series} sudah dipakai / running number ${x.seq} of series ${x.series} already used`;
      const key = personKey(x.program, x.nik);
      if (this.people.get(key)?.some((p) => !p.revoked)) return `peserta sudah punya sertifikat yang berlaku di program ${x.program} / the person already holds a valid certificate of program ${x.program}`;
      const e: LedgerEntry = { ...x };
      this.list.push(e);
      this.numbers.set(e.number, e);
      this.codes.set(e.code, e);
      this.people.set(key, [...(this.people.get(key) ?? []), e]);
      this.seqs.set(e.series, (this.seqs.get(e.series) ?? new Set<number>()).add(e.seq));
      this.top.set(e.series, Math.max(this.top.get(e.series) ?? 0, e.seq));
      return undefined;
    }
    const e = this.numbers.get(ev.number);
    if (!e) return `nomor tidak ada di register / number not in the register: ${ev.number}`;
    if (ev.event === "berkas") {
      if (e.sha256 !== ev.sha256) e.earlierSha256 = [...(e.earlierSha256 ?? []), e.sha256];
      e.file = ev.file;
      e.sha256 = ev.sha256;
      return undefined;
    }
    if (e.revoked) return `nomor ${ev.number} sudah dicabut / number ${ev.number} is already revoked`;
    e.revoked = { reason: ev.reason, at: ev.at };
    return undefined;
  }
}

const HAND_EDIT_HINT =
  "Register hanya ditambah oleh pelatihan; pulihkan dari cadangan atau perbaiki baris itu. / The register is only appended to by pelatihan; restore it from a backup or fix that line.";

function personKey(program: string, nik: string): string {
  return `${program}\u0000${nik}`;
}

/**
 * Every event with its line number. A last line without its newline is a torn write
 * (`torn` = its byte length, `keepBytes` = where the file should end) unless it reads as a
 * whole event, which is kept. A bad line anywhere else is an error naming it.
 */
interface Parsed {
  events: { ev: LedgerEvent; line: number }[];
  torn: number;
  keepBytes: number;
  /** "header": the file is empty or holds part of the header; "newline": the last (whole) event lacks its newline. */
  end: "ok" | "header" | "newline";
}

function parse(text: string, file: string): Parsed {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body === "" || (!body.includes("\n") && LEDGER_HEADER.startsWith(body))) {
    return { events: [], torn: 0, keepBytes: Buffer.byteLength(text), end: text === LEDGER_HEADER ? "ok" : "header" };
  }
  const lines = body.split("\n");
  const last = lines.pop() as string; // "" when the file ends with a newline
  const header = (lines[0] ?? last).replace(/\r$/, "");
  if (`${header}\n` !== LEDGER_HEADER) {
    throw new UserError("LEDGER_INVALID", "baris judul register tidak dikenal / unexpected register header", { file, line: 1, hint: `${LEDGER_HEADER.trim()}` });
  }
  const events: { ev: LedgerEvent; line: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, "");
    if (line.trim() === "") continue;
    const ev = parseEventLine(line);
    if (typeof ev === "string") throw new UserError("LEDGER_INVALID", `register rusak / the register is damaged: ${ev}`, { file, line: i + 1, hint: HAND_EDIT_HINT });
    events.push({ ev, line: i + 1 });
  }
  let torn = 0;
  let end: Parsed["end"] = "ok";
  if (last !== "") {
    const ev = parseEventLine(last.replace(/\r$/, ""));
    if (typeof ev === "string") torn = Buffer.byteLength(last);
    else {
      events.push({ ev, line: lines.length + 1 });
      end = "newline";
    }
  }
  return { events, torn, keepBytes: Buffer.byteLength(text) - torn, end };
}

async function takeLock(lock: string): Promise<string> {
  const me = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(lock, "wx");
      await fh.writeFile(me);
      await fh.close();
      return lock;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new OutputError("OUTPUT_WRITE", `gagal mengunci register / cannot lock the register (${(e as NodeJS.ErrnoException).code ?? "EIO"})`, { file: lock });
      }
    }
    const owner = await readFile(lock, "utf8").catch(() => "");
    const m = /^(\d+) (\S+)/.exec(owner);
    const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? 0);
    const stale = m ? m[2] === hostname() && !alive(Number(m[1])) : age > 10_000;
    if (!stale) {
      throw new UserError("LEDGER_LOCKED", `register sedang dipakai proses lain${m ? ` (pid ${m[1]} di ${m[2]})` : ""} / the register is in use by another run`, {
        file: lock,
        hint: "Tunggu proses itu selesai. Bila yakin tidak ada proses lain, hapus berkas kunci ini. / Wait for it to finish; if you are sure no other run is going on, delete this lock file.",
      });
    }
    await rm(lock, { force: true });
  }
  throw new UserError("LEDGER_LOCKED", "register sedang dipakai proses lain / the register is in use by another run", { file: lock });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
