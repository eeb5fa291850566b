// A certificate run reduced to the crash protocol, for the kill-and-rerun test. For each
// person not yet in the register: write the "PDF" atomically, then record its `terbit`
// event; flush every FLUSH events and print "flushed <entries>" once the flush returned.
// Before issuing, files not named in the register (left by a killed run) are deleted.
// Usage: node ledger-child.js ROOT PEOPLE FLUSH
import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Ledger } from "../../dist/io/ledger.js";
import { writeFileAtomic } from "../../dist/io/atomic-write.js";
import { formatNumber, numberSeries } from "../../dist/domain/certificate-number.js";

const [root, people, flushEvery] = process.argv.slice(2);
const pattern = "500.8.1/{seq:03}/424.083/{year}";
const ctx = { year: 2022, month: 11, program: "uji" };
const dir = join(root, "sertifikat");

const ledger = await Ledger.open(root);
if (ledger.repaired) process.stdout.write(`repaired ${ledger.repaired}\n`);
const named = new Set(ledger.entries().map((e) => e.file));
for (const f of await readdir(dir).catch(() => [])) {
  if (!named.has(f)) await rm(join(dir, f));
}
let pending = 0;
for (let i = 1; i <= Number(people); i++) {
  const nik = `3514${String(i).padStart(12, "0")}`;
  if (ledger.current("uji", nik)) continue;
  const series = numberSeries(pattern, ctx);
  const seq = ledger.nextSeq(series);
  const number = formatNumber(pattern, seq, ctx);
  const file = `${String(seq).padStart(4, "0")}-peserta-${i}.pdf`;
  const body = `%PDF sertifikat ${number} ${"x".repeat(2000)}\n`;
  await writeFileAtomic(join(dir, file), body);
  const sha256 = createHash("sha256").update(body).digest("hex");
  const code = "0000-0000-0000-" + String(seq % 10000).padStart(4, "0");
  ledger.issue({ number, series, seq, program: "uji", nik, name: `Peserta ${i}`, kind: "sertifikat", issued: "2022-11-11", file, sha256, code, token: `PLT1.t${seq}.${"s".repeat(300)}` });
  if (++pending === Number(flushEvery)) {
    await ledger.flush();
    pending = 0;
    process.stdout.write(`flushed ${ledger.entries().length}\n`);
  }
}
await ledger.close();
process.stdout.write(`done ${ledger.entries().length}\n`);
