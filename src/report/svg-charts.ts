/** Inline SVG charts (no script, no network); every text escaped. */

export type Chart =
  | { kind: "bars"; title: string; items: { label: string; value: number; muted?: boolean }[]; unit: string }
  | { kind: "grid"; title: string; cells: { label: string; on: boolean }[]; legend: [string, string] }
  | { kind: "quarters"; title: string; target: number; quarters: (number | null)[]; unit: string };

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const BLUE = "#2f6db5";
const LIGHT = "#a9c4e6";
const INK = "#222";
const FONT = `font-family="DejaVu Sans, Arial, sans-serif" font-size="12"`;

const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

function bars(c: Extract<Chart, { kind: "bars" }>): string {
  const rowH = 20;
  const labelW = 170;
  const barW = 440;
  const max = Math.max(1, ...c.items.map((i) => i.value));
  const h = c.items.length * rowH + 10;
  const rows = c.items.map((it, i) => {
    const y = i * rowH + 5;
    const w = Math.round((it.value / max) * barW);
    return (
      `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" fill="${it.muted ? "#888" : INK}">${esc(it.label)}</text>` +
      (w > 0 ? `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${BLUE}"/>` : "") +
      `<text x="${labelW + w + 5}" y="${y + 14}" fill="${INK}">${esc(it.value === 0 ? "0" : num(it.value))}</text>`
    );
  });
  return svg(labelW + barW + 60, h, c.title, rows.join(""));
}

function grid(c: Extract<Chart, { kind: "grid" }>): string {
  const perRow = 6;
  const w = 118;
  const h = 34;
  const rowsN = Math.ceil(c.cells.length / perRow);
  const cells = c.cells.map((cell, i) => {
    const x = (i % perRow) * (w + 6);
    const y = Math.floor(i / perRow) * (h + 6);
    const label = cell.label.length > 16 ? `${cell.label.slice(0, 15)}…` : cell.label;
    return (
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${cell.on ? BLUE : "#fff"}" stroke="${cell.on ? BLUE : "#999"}" stroke-dasharray="${cell.on ? "" : "4 3"}"/>` +
      `<text x="${x + w / 2}" y="${y + 21}" text-anchor="middle" fill="${cell.on ? "#fff" : INK}">${esc(label)}</text>`
    );
  });
  const ly = rowsN * (h + 6) + 8;
  const legend =
    `<rect x="0" y="${ly}" width="14" height="14" fill="${BLUE}"/><text x="20" y="${ly + 12}">${esc(c.legend[0])}</text>` +
    `<rect x="180" y="${ly}" width="14" height="14" fill="#fff" stroke="#999" stroke-dasharray="4 3"/><text x="200" y="${ly + 12}">${esc(c.legend[1])}</text>`;
  return svg(perRow * (w + 6), ly + 20, c.title, cells.join("") + legend);
}

function quarters(c: Extract<Chart, { kind: "quarters" }>): string {
  const H = 200;
  const top = 20;
  const left = 50;
  const groupW = 120;
  let cum = 0;
  const cumul = c.quarters.map((q) => (q === null ? null : (cum += q)));
  const max = Math.max(1, c.target, ...cumul.map((v) => v ?? 0));
  const y = (v: number) => top + H - Math.round((v / max) * H);
  // the target line first, so bars and their numbers are drawn over it
  const parts: string[] = [
    `<line x1="${left}" y1="${y(c.target)}" x2="${left + groupW * 4}" y2="${y(c.target)}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"/>` +
      `<text x="${left + groupW * 4 + 4}" y="${y(c.target) + 4}" fill="#c0392b">${esc(`target ${num(c.target)} ${c.unit}`)}</text>`,
    `<line x1="${left}" y1="${top + H}" x2="${left + groupW * 4}" y2="${top + H}" stroke="${INK}"/>`,
  ];
  c.quarters.forEach((q, i) => {
    const x = left + i * groupW + 20;
    const label = ["TW I", "TW II", "TW III", "TW IV"][i] ?? "";
    parts.push(`<text x="${x + 40}" y="${top + H + 16}" text-anchor="middle">${esc(label)}</text>`);
    if (q === null) {
      parts.push(`<text x="${x + 40}" y="${top + H - 6}" text-anchor="middle" fill="#888">–</text>`);
      return;
    }
    const cv = cumul[i] ?? 0;
    parts.push(
      `<rect x="${x}" y="${y(q)}" width="36" height="${top + H - y(q)}" fill="${BLUE}"/>` +
        `<text x="${x + 18}" y="${y(q) - 4}" text-anchor="middle" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(num(q))}</text>` +
        `<rect x="${x + 42}" y="${y(cv)}" width="36" height="${top + H - y(cv)}" fill="${LIGHT}"/>` +
        `<text x="${x + 60}" y="${y(cv) - 4}" text-anchor="middle" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(num(cv))}</text>`,
    );
  });
  const ly = top + H + 32;
  parts.push(
    `<rect x="${left}" y="${ly}" width="14" height="14" fill="${BLUE}"/><text x="${left + 20}" y="${ly + 12}">per triwulan</text>` +
      `<rect x="${left + 130}" y="${ly}" width="14" height="14" fill="${LIGHT}"/><text x="${left + 150}" y="${ly + 12}">kumulatif</text>`,
  );
  return svg(left + groupW * 4 + 140, ly + 20, c.title, parts.join(""));
}

function svg(w: number, h: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}" ${FONT} fill="${INK}">` +
    `<title>${esc(title)}</title>${body}</svg>`
  );
}

export function renderChart(c: Chart): string {
  const inner = c.kind === "bars" ? bars(c) : c.kind === "grid" ? grid(c) : quarters(c);
  return `<figure><figcaption>${esc(c.title)}</figcaption>${inner}</figure>`;
}

