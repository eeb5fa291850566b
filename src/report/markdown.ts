/** Tables and documents as Markdown (GitHub tables; numbers right-aligned). */
import { formatValue, type Table } from "./table.js";

/**
 * Markdown text: pipes and backslashes escaped, line breaks flattened, and no HTML tag can
 * start (`<` before a letter, `/`, `!` or `?`); `<5` stays readable in the raw file.
 */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/([|*_`])/g, "\\$1")
    .replace(/[\r\n]+/g, " ")
    .replace(/&(?=[#A-Za-z0-9]+;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;");
}

export function markdownTable(t: Table): string {
  const head = `| ${t.columns.map((c) => mdCell(c.header)).join(" | ")} |`;
  const rule = `|${t.columns.map((c) => (c.kind === "text" ? "---" : "--:")).join("|")}|`;
  const line = (cells: readonly unknown[], bold: boolean) =>
    `| ${t.columns
      .map((c, i) => {
        const s = mdCell(formatValue((cells[i] ?? null) as Parameters<typeof formatValue>[0], c.kind));
        return bold && s !== "" ? `**${s}**` : s;
      })
      .join(" | ")} |`;
  const body = [...t.rows.map((r) => line(r, false)), ...t.footer.map((f) => line(f.cells, true))];
  const notes = t.notes.map((n) => `\n_${mdCell(n)}_`).join("\n");
  return `${head}\n${rule}\n${body.join("\n")}\n${notes}${notes ? "\n" : ""}`;
}

export interface Doc {
  title: string;
  subtitle: string;
  notices: string[];
  tables: Table[];
}

export function markdownDoc(d: Doc): string {
  const parts = [`# ${mdCell(d.title)}`, "", mdCell(d.subtitle), ""];
  for (const n of d.notices) parts.push(`> **${mdCell(n)}**`, "");
  for (const t of d.tables) parts.push(`## ${mdCell(t.title)}`, "", markdownTable(t));
  return `${parts.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
