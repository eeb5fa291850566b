/**
 * Issuing certificates for one program, with the register (ledger) as the memory of every
 * number ever given. Crash protocol: each new certificate's PDF is written first (temp
 * file + rename), then its `terbit` event is appended to the register (flushed per batch,
 * one write + fsync). A run killed in between leaves PDFs that the register does not name;
 * the next run deletes them and issues again, so every number in the register has its
 * file and no file is ever half-written.
 */
import { createHash } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { certificateDecision, documentTitle, formatNip, resultText, type CertificateDecision } from "../domain/certificate-result.js";
import type { CertificateFields, CertificateKind } from "../domain/certificate-types.js";
import { DEFAULT_NUMBER_PATTERN, formatNumber, numberSeries } from "../domain/certificate-number.js";
import type { CertificateClaim } from "../domain/certificate-claim.js";
import { formatRange, formatTanggal } from "../domain/dates.js";
import { maskNik } from "../domain/nik.js";
import type { Participant } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import type { CertificateRenderer } from "../io/certificate-pdf.js";
import { signClaim, type SigningKey } from "../io/keys.js";
import type { Ledger, LedgerEntry } from "../io/ledger.js";
import { exists, writeFileAtomic } from "../io/atomic-write.js";

export const FILES = {
  merged: "semua-sertifikat.pdf",
  manifest: "daftar-sertifikat.csv",
  others: "tanpa-sertifikat.csv",
  revokedDir: "dicabut",
} as const;

/** Files of individual certificates: "<seq>-<name-slug>.pdf". */
const CERT_FILE = /^\d+-[a-z0-9-]+\.pdf$/;
const BATCH = 32;
/** Renders in flight at once: enough to keep the render worker busy. */
const WINDOW = 24;

export interface Recipient {
  p: Participant;
  kind: CertificateKind;
  reason: string;
}

export interface NonRecipient {
  p: Participant;
  decision: Extract<CertificateDecision, { kind: "none" }>;
}

export interface Decided {
  recipients: Recipient[];
  others: NonRecipient[];
}

export function decide(program: Program, participants: Participant[], list: { hasStatusColumn: boolean; hasScoreColumn: boolean }): Decided {
  const recipients: Recipient[] = [];
  const others: NonRecipient[] = [];
  for (const p of participants) {
    const d = certificateDecision(p, program, list);
    if (d.kind === "none") others.push({ p, decision: d });
    else recipients.push({ p, kind: d.kind, reason: d.reason });
  }
  return { recipients, others };
}

/** A file name part from a person's name: ASCII letters and digits only, so it stays inside the folder. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "peserta" : slug;
}

export function certificateFileName(seq: number, name: string): string {
  return `${String(seq).padStart(3, "0")}-${nameSlug(name)}.pdf`;
}

/** Signing place: the program's, else the kabupaten/kota name as the official table writes it, without its prefix. */
export function signingPlace(program: Program, regencyName: string | undefined): string {
  if (program.certificate?.place) return program.certificate.place;
  return (regencyName ?? "").replace(/^(kabupaten|kota)\s+/i, "");
}

export interface Issued {
  number: string;
  name: string;
  nik: string;
  kind: CertificateKind;
  issued: string;
  code: string;
  token: string;
  file: string;
  seq: number;
}

export function certificateFields(program: Program, c: Issued, place: string): CertificateFields {
  const cert = program.certificate;
  const fields: CertificateFields = {
    kind: c.kind,
    jenis: documentTitle(c.kind),
    nama: c.name,
    nik: cert?.showNik ? maskNik(c.nik) : "",
    judul: program.title,
    penyelenggara: program.organizer,
    tempat: program.venue,
    tanggal: formatRange(program.start, program.end),
    jp: program.hours === undefined ? "" : String(program.hours),
    hasil: resultText(c.kind),
    nomor: c.number,
    tempat_tanggal_terbit: `${place}, ${formatTanggal(c.issued)}`,
    kode: c.code,
    mitra: program.partner ?? "",
    signatories: (cert?.signatories ?? []).map((s) => ({
      nama: s.name,
      jabatan: s.position,
      nip: formatNip(s.nip),
      pangkat: s.rank ?? "",
      ...(s.signature === undefined ? {} : { tandaTangan: s.signature }),
    })),
    token: c.token,
    tanggal_terbit_iso: c.issued,
  };
  if (cert?.logo !== undefined) fields.logo = cert.logo;
  return fields;
}

export interface IssueContext {
  program: Program;
  /** <out>/<program-id>/sertifikat */
  dir: string;
  ledger: Ledger;
  key: SigningKey;
  renderer: CertificateRenderer;
  place: string;
  /** Issue date for new certificates (ISO): certificate.date, else today. */
  today: string;
  onProgress?: (done: number, total: number) => void;
}

export interface IssueResult {
  created: Issued[];
  kept: number;
  rewritten: number;
  removedOrphans: number;
  movedRevoked: number;
  /** The list's name differs from the one on a certificate already issued. */
  nameChanged: { p: Participant; entry: LedgerEntry }[];
  current: Issued[];
}

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

async function fileHash(path: string): Promise<string | undefined> {
  try {
    const fh = await open(path, "r");
    try {
      const h = createHash("sha256");
      for await (const chunk of fh.createReadStream()) h.update(chunk as Buffer);
      return h.digest("hex");
    } finally {
      await fh.close().catch(() => undefined);
    }
  } catch {
    return undefined;
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r").catch(() => undefined);
  if (!fh) return;
  await fh.sync().catch(() => undefined);
  await fh.close().catch(() => undefined);
}

/** Files in the folder the register does not name: left by an interrupted run. */
async function removeOrphans(dir: string, known: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    if (n.startsWith(".pelatihan-tmp-") || (CERT_FILE.test(n) && !known.has(n))) {
      await rm(join(dir, n), { force: true });
      if (!n.startsWith(".pelatihan-tmp-")) removed++;
    }
  }
  return removed;
}

/**
 * Issues (or re-creates) the certificates of one program's recipients. Numbers come from
 * the register: a person who already holds a valid certificate keeps it.
 */
export async function issueProgram(ctx: IssueContext, recipients: Recipient[]): Promise<IssueResult> {
  const { program, dir, ledger } = ctx;
  await mkdir(dir, { recursive: true });
  const pattern = program.certificate?.number ?? DEFAULT_NUMBER_PATTERN;
  const res: IssueResult = { created: [], kept: 0, rewritten: 0, removedOrphans: 0, movedRevoked: 0, nameChanged: [], current: [] };

  const mine = ledger.entries().filter((e) => e.program === program.id);
  // every file the register names is known, revoked ones included (they move to dicabut/)
  res.removedOrphans = await removeOrphans(dir, new Set(mine.map((e) => e.file)));
  for (const e of mine) {
    if (!e.revoked) continue;
    const from = join(dir, e.file);
    if (await exists(from)) {
      await mkdir(join(dir, FILES.revokedDir), { recursive: true });
      await rename(from, join(dir, FILES.revokedDir, e.file));
      res.movedRevoked++;
    }
  }

  // existing certificates: keep, or re-create a missing/changed file with the same number
  const fresh: Recipient[] = [];
  const existing: LedgerEntry[] = [];
  for (const r of recipients) {
    const e = ledger.current(program.id, r.p.nik);
    if (!e) {
      fresh.push(r);
      continue;
    }
    if (e.name !== r.p.name) res.nameChanged.push({ p: r.p, entry: e });
    existing.push(e);
  }

  // new numbers, allocated in list order and signed before anything is written
  const issuedDate = ctx.today;
  const [y, m] = issuedDate.split("-").map(Number) as [number, number];
  const numberCtx = { year: y, month: m, program: program.id };
  const series = numberSeries(pattern, numberCtx);
  let seq = ledger.nextSeq(series);
  const created: Issued[] = fresh.map((r) => {
    const number = formatNumber(pattern, seq, numberCtx);
    const claim: CertificateClaim = {
      number,
      name: r.p.name,
      program: program.id,
      title: program.title,
      start: program.start,
      end: program.end,
      issuer: program.organizer,
      issued: issuedDate,
      kind: r.kind,
      keyId: ctx.key.keyId,
    };
    const signed = signClaim(ctx.key, claim);
    const c: Issued = { number, name: r.p.name, nik: r.p.nik, kind: r.kind, issued: issuedDate, code: signed.code, token: signed.token, file: certificateFileName(seq, r.p.name), seq };
    seq++;
    return c;
  });
  // a register entry carries every field of an issued certificate
  res.current = [...mine.filter((e) => !e.revoked), ...created].sort((a, b) => a.seq - b.seq || (a.number < b.number ? -1 : 1));

  // the merged PDF is drawn on this thread while the individual files render in the worker;
  // it is put in place only once every file and register line is written
  const mergedFile = join(dir, FILES.merged);
  const mergedTmp = join(dir, `.pelatihan-tmp-${process.pid}-${FILES.merged}`);
  const merged = res.current.length === 0 ? undefined : drawMerged(mergedTmp, program, res.current, ctx.renderer, ctx.place);
  merged?.catch(() => undefined);
  try {
    await issueFiles(ctx, existing, created, series, res);
    if (merged) {
      await merged;
      await rename(mergedTmp, mergedFile);
    }
  } catch (e) {
    if (merged) await merged.catch(() => undefined);
    await rm(mergedTmp, { force: true });
    throw e;
  }
  res.created = created;
  return res;
}

async function issueFiles(ctx: IssueContext, existing: LedgerEntry[], created: Issued[], series: string, res: IssueResult): Promise<void> {
  const { program, dir, ledger } = ctx;
  const total = existing.length + created.length;
  let done = 0;
  for (let i = 0; i < existing.length; i += BATCH) {
    const batch = existing.slice(i, i + BATCH);
    await Promise.all(
      batch.map(async (e) => {
        const path = join(dir, e.file);
        if ((await fileHash(path)) === e.sha256) {
          res.kept++;
          return;
        }
        const bytes = await ctx.renderer.render(certificateFields(program, e, ctx.place));
        await writeFileAtomic(join(dir, e.file), bytes);
        const h = sha256(bytes);
        if (h !== e.sha256) ledger.updateFile(e.number, e.file, h);
        res.rewritten++;
      }),
    );
    await ledger.flush();
    done += batch.length;
    ctx.onProgress?.(done, total);
  }
  // new certificates: a window of renders in flight so the worker never waits; each file is
  // written first, then register lines are appended for the written prefix, a batch at a time
  const hashes: (string | undefined)[] = new Array<string | undefined>(created.length);
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  let committed = 0;
  const commit = async (upTo: number): Promise<void> => {
    await syncDir(dir);
    for (; committed < upTo; committed++) {
      const c = created[committed] as Issued;
      ledger.issue({ number: c.number, series, seq: c.seq, program: program.id, nik: c.nik, name: c.name, kind: c.kind, issued: c.issued, file: c.file, sha256: hashes[committed] as string, code: c.code, token: c.token });
    }
    await ledger.flush();
    ctx.onProgress?.(existing.length + committed, total);
  };
  const written = (): number => {
    let k = committed;
    while (k < created.length && hashes[k] !== undefined) k++;
    return k;
  };
  for (let i = 0; i < created.length && failure === undefined; i++) {
    const c = created[i] as Issued;
    const job = (async () => {
      const bytes = await ctx.renderer.render(certificateFields(program, c, ctx.place));
      await writeFileAtomic(join(dir, c.file), bytes);
      hashes[i] = sha256(bytes);
    })().catch((e: unknown) => {
      failure ??= e;
    });
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
    if (inflight.size >= WINDOW) await Promise.race(inflight);
    const ready = written();
    if (ready - committed >= BATCH) await commit(ready);
  }
  await Promise.all(inflight);
  // even after a failure, what was written is registered: a number never lacks its file
  const ready = written();
  if (ready > committed) await commit(ready);
  if (failure !== undefined) throw failure;
}

async function drawMerged(tmp: string, program: Program, current: Issued[], renderer: CertificateRenderer, place: string): Promise<void> {
  const m = await renderer.openMerged(tmp);
  for (const c of current) await m.add(certificateFields(program, c, place));
  await m.finish();
}

export function manifestRows(ledgerEntries: LedgerEntry[], program: Program): string[][] {
  return ledgerEntries
    .filter((e) => e.program === program.id)
    .sort((a, b) => a.seq - b.seq)
    .map((e) => [
      e.number,
      e.name,
      maskNik(e.nik),
      resultText(e.kind),
      e.issued,
      e.code,
      e.revoked ? "dicabut" : "berlaku",
      e.revoked?.reason ?? "",
      e.revoked ? `${FILES.revokedDir}/${e.file}` : e.file,
      e.sha256,
    ]);
}

export const MANIFEST_HEADER = ["nomor", "nama", "nik", "hasil", "tanggal_terbit", "kode_verifikasi", "status", "alasan_pencabutan", "berkas", "sha256"];
export const OTHERS_HEADER = ["baris", "nama", "nik", "hadir", "alasan"];

export function othersRows(others: NonRecipient[]): string[][] {
  return others.map((o) => [String(o.p.line), o.p.name, maskNik(o.p.nik), `${o.decision.present}/${o.decision.days}`, o.decision.reason]);
}
