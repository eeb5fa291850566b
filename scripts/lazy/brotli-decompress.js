/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- require() is the point: esbuild runs a required module on first use */
// fontkit's import of brotli's decompressor, loaded on first use (scripts/bundle.js): it builds
// its dictionary when loaded, and only WOFF2 fonts need it.
let decompress;
export default function brotliDecompress(buffer, outSize) {
  decompress ??= require("brotli/decompress.js");
  return decompress(buffer, outSize);
}
