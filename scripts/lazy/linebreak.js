/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- require() is the point: the package, bundled on its own next to the chunk, is loaded on first use */
// pdfkit's import of linebreak, loaded on first use (scripts/bundle.js): the package builds its
// tables when loaded, and only pdfkit's own text wrapping uses it.
let Breaker;
export default function LineBreaker(text) {
  Breaker ??= require("./lazy/linebreak.cjs");
  return new Breaker(text);
}
