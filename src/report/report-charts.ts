/** Chart data for the year report's HTML page, from the same figures as the tables. */
import type { ProgramFigures, YearFigures } from "../domain/aggregate-types.js";
import type { Chart } from "./svg-charts.js";

export function reportCharts(y: YearFigures): { after: string; chart: Chart }[] {
  const out: { after: string; chart: Chart }[] = [];
  const quarters = [1, 2, 3, 4].map((q) => (q <= y.quarter ? (y.renjaTotal.quarters[q - 1]?.k ?? 0) : null));
  out.push({
    after: "renja",
    chart: { kind: "quarters", title: "Realisasi peserta per triwulan terhadap target tahun ini", target: y.renjaTotal.targetK, quarters, unit: "orang" },
  });
  y.coverage.forEach((c) => {
    const suffix = y.coverage.length > 1 ? `-${c.region.replace(".", "-")}` : "";
    out.push({
      after: `cakupan${suffix}`,
      chart: {
        kind: "bars",
        title: `Orang terjangkau per kecamatan, ${c.regionName} ${y.year}`,
        items: c.districts.map((d) => ({ label: d.name, value: d.year, muted: d.year === 0 })),
        unit: "orang",
      },
    });
    out.push({
      after: `cakupan${suffix}`,
      chart: {
        kind: "grid",
        title: `Cakupan ${c.regionName}: ${c.reached} dari ${c.districts.length} kecamatan`,
        cells: c.districts.map((d) => ({ label: d.name, on: d.year > 0 })),
        legend: ["terjangkau", "belum terjangkau"],
      },
    });
  });
  return out;
}

export function summaryCharts(f: ProgramFigures): { after: string; chart: Chart }[] {
  const out: { after: string; chart: Chart }[] = [
    {
      after: "kecamatan",
      chart: {
        kind: "bars",
        title: "Peserta per kecamatan",
        items: f.districts.map((d) => ({ label: d.name, value: d.count, muted: d.count === 0 })),
        unit: "orang",
      },
    },
    {
      after: "kecamatan",
      chart: {
        kind: "grid",
        title: `Cakupan: ${f.coverage.reached} dari ${f.coverage.total} kecamatan`,
        cells: f.districts.map((d) => ({ label: d.name, on: d.count > 0 })),
        legend: ["terjangkau", "belum terjangkau"],
      },
    },
  ];
  if (f.attendance) {
    out.push({
      after: "kehadiran",
      chart: {
        kind: "bars",
        title: "Hadir per hari",
        items: f.attendance.perDay.map((d) => ({ label: `Hari ${d.day}`, value: d.present })),
        unit: "orang",
      },
    });
  }
  return out;
}
