// Placeholder contract; replaced by the full date module.
export function parseDate(raw: string): { ok: true; iso: string } | { ok: false; reason: string } {
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? { ok: true, iso: raw } : { ok: false, reason: "format" };
}
