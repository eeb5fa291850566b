/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- require() is the point: esbuild runs a required module on first use */
// fontkit's import of unicode-properties, loaded on first use (scripts/bundle.js): the package
// builds its tables when loaded, and the roster PDF needs them only for text with combining marks.
let props;
const load = () => (props ??= require("unicode-properties"));
export const getCategory = (c) => load().getCategory(c);
export const getCombiningClass = (c) => load().getCombiningClass(c);
export const getScript = (c) => load().getScript(c);
export const isDigit = (c) => load().isDigit(c);
export const isMark = (c) => load().isMark(c);
