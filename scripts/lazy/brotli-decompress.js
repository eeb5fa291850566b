/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- require() is the point: the package, bundled on its own next to the chunk, is loaded on first use */
// fontkit's import of brotli's decompressor, loaded on first use (scripts/bundle.js): it builds
// its dictionary when loaded, and only WOFF2 fonts need it.
let decompress;
export default function brotliDecompress(buffer, outSize) {
  decompress ??= require("./lazy/brotli-decompress.cjs");
  return decompress(buffer, outSize);
}
