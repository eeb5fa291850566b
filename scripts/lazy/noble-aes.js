/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- require() is the point: the package, bundled on its own next to the chunk, is loaded on first use */
// pdfkit's import of @noble/ciphers' AES, loaded on first use (scripts/bundle.js): the module
// builds its tables when loaded, and only encrypted PDFs (never drawn here) use it.
let aes;
const load = () => (aes ??= require("./lazy/noble-aes.cjs"));
export const cbc = (...args) => load().cbc(...args);
export const ecb = (...args) => load().ecb(...args);
