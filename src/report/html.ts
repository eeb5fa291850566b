/** A self-contained HTML page (inline CSS and SVG, no script, no network). */
import type { Doc } from "./markdown.js";
import { esc, renderChart, type Chart } from "./svg-charts.js";
import { formatValue, isHidden, type Table, type Value } from "./table.js";

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12px; color: #222; margin: 24px; max-width: 1400px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 28px 0 8px; border-bottom: 2px solid #2f6db5; padding-bottom: 3px; }
.sub { color: #555; margin-bottom: 12px; }
.notice { border: 2px solid #c0392b; background: #fdecea; padding: 8px 12px; margin: 8px 0; font-weight: bold; }
table { border-collapse: collapse; margin: 4px 0; font-size: 11px; }
.wrap { overflow-x: auto; }
th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
th { background: #e8eef7; font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f3f3f3; }
td.hidden { color: #8a5a00; }
td { min-width: 2em; }
.note { color: #555; font-style: italic; margin: 4px 0 0; }
figure { margin: 12px 0; } figcaption { font-weight: bold; margin-bottom: 6px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
@media print { .wrap { overflow: visible; } table { font-size: 8px; } section { break-inside: avoid-page; } }
`;

function cell(v: Value, kind: Table["columns"][number]["kind"]): string {
  const cls = [kind === "text" ? "" : "n", isHidden(v) ? "hidden" : ""].filter(Boolean).join(" ");
  return `<td${cls ? ` class="${cls}"` : ""}>${esc(formatValue(v, kind))}</td>`;
}

export function htmlTable(t: Table): string {
  // long text columns get room, so remarks do not wrap into a column of single words
  const minWidth = (c: Table["columns"][number]) =>
    c.kind === "text" && (c.width ?? 0) >= 16 ? ` style="min-width:${Math.round((c.width ?? 0) * 0.45)}em"` : "";
  const head = `<tr>${t.columns.map((c) => `<th${minWidth(c)}>${esc(c.header)}</th>`).join("")}</tr>`;
  const row = (cells: readonly Value[], cls = "") =>
    `<tr${cls ? ` class="${cls}"` : ""}>${t.columns.map((c, i) => cell(cells[i] ?? null, c.kind)).join("")}</tr>`;
  const body = [...t.rows.map((r) => row(r)), ...t.footer.map((f) => row(f.cells, "total"))].join("\n");
  const notes = t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join("");
  return `<div class="wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>${notes}`;
}

/** `charts` are shown after the table whose id they name (or at the top for "top"). */
export function htmlDoc(d: Doc, charts: { after: string; chart: Chart }[] = []): string {
  const chartsAfter = (id: string) => {
    const cs = charts.filter((c) => c.after === id);
    return cs.length ? `<div class="charts">${cs.map((c) => renderChart(c.chart)).join("\n")}</div>` : "";
  };
  const parts = [
    "<!DOCTYPE html>",
    '<html lang="id">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(d.title)}</title><style>${CSS}</style></head>`,
    "<body>",
    `<h1>${esc(d.title)}</h1>`,
    `<div class="sub">${esc(d.subtitle)}</div>`,
    ...d.notices.map((n) => `<div class="notice">${esc(n)}</div>`),
    chartsAfter("top"),
    ...d.tables.map((t) => `<section id="${esc(t.id)}">\n<h2>${esc(t.title)}</h2>\n${htmlTable(t)}\n${chartsAfter(t.id)}\n</section>`),
    "</body>",
    "</html>",
  ];
  return `${parts.filter(Boolean).join("\n")}\n`;
}
