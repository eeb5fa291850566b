import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { PLACEHOLDERS, fillText, loadTemplate, parseTemplate, type ParsedTemplate } from "../../src/io/certificate-template.js";
import { UserError } from "../../src/errors.js";

const svg = (body: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 297 210">${body}</svg>`;
const err = (f: () => unknown): UserError => {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("certificate templates", () => {
  it("knows every field placeholder, signatories 1 to 3 included", () => {
    for (const p of ["nama", "nomor", "kode", "tempat_tanggal_terbit", "ttd1_nama", "ttd3_nip", "jp", "mitra"]) expect(PLACEHOLDERS).toContain(p);
  });

  it("an unknown placeholder is an error that names it, suggests, and lists the known ones", () => {
    const e = err(() => parseTemplate("t.svg", svg(`\n<text x="1" y="2">{{nma}} dan {{ nomor }}</text>`)));
    expect(e.code).toBe("CERT_TEMPLATE_PLACEHOLDER");
    expect(e.message).toContain("{{nma}}");
    expect(e.message).toContain("{{nama}}");
    expect(e.hint).toContain("{{ttd3_pangkat}}");
    expect(e.line).toBe(2);
  });

  it("invalid SVG is CERT_TEMPLATE_INVALID with the line", () => {
    const e = err(() => parseTemplate("t.svg", `<svg viewBox="0 0 10 10">\n<text>\n</svg>`));
    expect(e.code).toBe("CERT_TEMPLATE_INVALID");
    expect(e.line).toBe(3);
    expect(err(() => parseTemplate("t.svg", "<html/>")).code).toBe("CERT_TEMPLATE_INVALID");
    expect(err(() => parseTemplate("t.svg", svg(`<text>{{nama</text>`))).code).toBe("CERT_TEMPLATE_INVALID");
  });

  it("a missing file is CERT_TEMPLATE_INVALID", async () => {
    await expect(loadTemplate("/nonexistent/t.svg")).rejects.toMatchObject({ code: "CERT_TEMPLATE_INVALID" });
  });

  it("reads page size, boxes, blocks, conditions and text fitting attributes", () => {
    const t = parseTemplate(
      "t.svg",
      svg(`<rect id="qr" x="1" y="2" width="30" height="30"/><g id="ttd2-blok"><rect id="ttd2" x="5" y="5" width="10" height="5"/><path d="M0 0H1"/></g>
        <text x="10" y="20" data-max-width="100" data-max-lines="2" font-family="DejaVu Serif" font-weight="bold" style="font-size:9px">{{nama}}</text>
        <text x="1" y="1" data-if="!nik">tanpa NIK</text>`),
    );
    expect(Math.round(t.width)).toBe(842);
    expect(Math.round(t.height)).toBe(595);
    expect(t.boxes.map((b) => b.id)).toEqual(["qr", "ttd2"]);
    expect(t.boxes[1]?.conds).toEqual([{ field: "ttd2_nama", negate: false }]);
    expect(t.graphicConds).toEqual(["ttd2_nama"]);
    const name = t.texts[0];
    expect(name?.maxWidth).toBe(100);
    expect(name?.maxLines).toBe(2);
    expect(name?.lines[0]?.runs[0]).toMatchObject({ raw: "{{nama}}", size: 9, font: { family: "DejaVu Serif", bold: true, italic: false } });
    expect(t.texts[1]?.conds).toEqual([{ field: "nik", negate: true }]);
  });

  it("fills placeholders with the text as written (escaping is the writer's job)", () => {
    expect(fillText("Nama: {{nama}} / {{ nomor }}", { nama: `<b>&"'`, nomor: "1/2" })).toBe(`Nama: <b>&"' / 1/2`);
  });

  it.each(["sertifikat-formal.svg", "sertifikat-potret.svg"])("shipped template %s loads", async (f) => {
    const t = (await loadTemplate(join(import.meta.dirname, "../../templates", f))) as ParsedTemplate;
    expect(t.boxes.map((b) => b.id).sort()).toEqual(["logo", "qr", "ttd1", "ttd2", "ttd3"]);
    expect(t.texts.some((x) => x.placeholders.includes("nama") && x.maxWidth !== undefined)).toBe(true);
  });
});
