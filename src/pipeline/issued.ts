/** Certificates in force per program, from the workspace's register (for summaries and reports). */
import { existsSync } from "node:fs";
import { Ledger } from "../io/ledger.js";

/** program id -> certificates issued and not revoked; undefined when the workspace has no register. */
export async function issuedCounts(root: string): Promise<Map<string, number> | undefined> {
  if (!existsSync(Ledger.path(root))) return undefined;
  const ledger = await Ledger.open(root, { readOnly: true });
  try {
    const counts = new Map<string, number>();
    for (const e of ledger.entries()) if (!e.revoked) counts.set(e.program, (counts.get(e.program) ?? 0) + 1);
    return counts;
  } finally {
    await ledger.close();
  }
}
