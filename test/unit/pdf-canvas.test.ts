import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { postHeaderOnly } from "../../src/io/pdf-canvas.js";

const require = createRequire(import.meta.url);
const DEJAVU = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
// pdfkit's own font reader (it has no type declarations)
const fontkit = require("fontkit") as { create(data: Buffer): unknown };

type Post = Record<string, unknown>;
const font = (file: string) => fontkit.create(readFileSync(join(DEJAVU, file))) as unknown as { post: Post; italicAngle: number; _tables: Post };

describe("postHeaderOnly", () => {
  for (const file of ["DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf", "DejaVuSansMono-Oblique.ttf"]) {
    it(`reads ${file}'s post header as fontkit decodes it, and decodes the rest when asked`, () => {
      const whole = font(file).post;
      const f = font(file);
      postHeaderOnly(f);
      for (const key of ["version", "italicAngle", "underlinePosition", "underlineThickness", "isFixedPitch"]) {
        expect(f.post[key], key).toEqual(whole[key]);
      }
      expect(f.italicAngle).toBe(whole.italicAngle);
      // the glyph names, which only the whole table has
      expect(f.post.names).toEqual(whole.names);
      expect(f.post.glyphNameIndex).toEqual(whole.glyphNameIndex);
    });
  }

  it("leaves a table fontkit has already decoded", () => {
    const f = font("DejaVuSansCondensed.ttf");
    const decoded = f.post;
    postHeaderOnly(f);
    expect(f._tables.post).toBe(decoded);
  });
});
