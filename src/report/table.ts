/**
 * The renderers' input: tables of values already decided (suppression included), so the
 * terminal, Markdown, HTML, CSV and XLSX outputs cannot disagree on a number.
 */
import type { Mark } from "../domain/suppression.js";

/** rp: rupiah; pct: a percentage number (75 = 75%). */
export type Kind = "text" | "int" | "rp" | "pct";

export interface Hidden {
  hidden: Mark;
}
export type Value = string | number | null | Hidden;

export interface Column {
  header: string;
  kind: Kind;
  /** Column width in characters (XLSX). */
  width?: number;
}

/** Row formulas for XLSX (same value as the cell): a sum of other columns, or a / b as a percentage. */
export type RowFormula = { sum: number[] } | { pct: [number, number] };

export interface FooterRow {
  cells: Value[];
  /** true: numeric cells are the column sums of the body rows (written as SUM formulas in XLSX). */
  sum: boolean;
}

export interface Table {
  /** File and sheet name part, e.g. "renja". */
  id: string;
  title: string;
  columns: Column[];
  rows: Value[][];
  footer: FooterRow[];
  rowFormulas?: (RowFormula | undefined)[];
  notes: string[];
}

export const isHidden = (v: Value): v is Hidden => typeof v === "object" && v !== null;

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** id-ID integer: 1.234.567 */
export function formatInt(n: number): string {
  const s = groupThousands(String(Math.abs(Math.round(n))));
  return n < 0 ? `-${s}` : s;
}

/** Rp 45.000.000 */
export function formatRp(n: number): string {
  return `Rp ${formatInt(n)}`;
}

/** 75,0% (one decimal, comma) */
export function formatPct(n: number): string {
  return `${n.toFixed(1).replace(".", ",")}%`;
}

/** A value as text in documents (Markdown, HTML, terminal). */
export function formatValue(v: Value, kind: Kind): string {
  if (v === null) return "";
  if (isHidden(v)) return v.hidden;
  if (typeof v === "string") return v;
  if (kind === "rp") return formatRp(v);
  if (kind === "pct") return formatPct(v);
  if (kind === "int") return formatInt(v);
  return String(v);
}

/** A value as a CSV cell: plain numbers (no grouping) so spreadsheets read them as numbers. */
export function csvValue(v: Value, kind: Kind): string {
  if (v === null) return "";
  if (isHidden(v)) return v.hidden;
  if (typeof v === "string") return v;
  if (kind === "pct") return v.toFixed(1);
  return String(v);
}
