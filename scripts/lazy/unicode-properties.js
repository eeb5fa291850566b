/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- require() is the point: the package, bundled on its own next to the chunk, is loaded on first use */
// fontkit's import of unicode-properties, loaded on first use (scripts/bundle.js): the package
// builds its tables when loaded, and the roster PDF needs them only for text with combining marks
// or outside the Latin letters.
let props;
const load = () => (props ??= require("./lazy/unicode-properties.cjs"));
export const getCategory = (c) => load().getCategory(c);
export const getCombiningClass = (c) => load().getCombiningClass(c);
export const getScript = (c) => load().getScript(c);
export const isDigit = (c) => load().isDigit(c);
// fontkit asks it of every glyph it makes; no character below U+0300 (the combining diacritical
// marks) is a mark, so Latin text never needs the tables
export const isMark = (c) => c >= 0x300 && load().isMark(c);
