// pdfkit for the bundle (scripts/bundle.js): dist/bundle/pdfkit.cjs, pdfkit and fontkit bundled
// as one CommonJS file, compiled with V8's code cache (pdfkit.cjs.cache, which
// scripts/pdfkit-cache.js makes once the bundle is built, with the same Node.js). The cache
// spares each PDF-drawing command the compiling of 750 KB of code; a cache that this Node.js
// cannot use (another version) is rejected by V8, and the code is compiled as usual.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const file = fileURLToPath(new URL("./pdfkit.cjs", import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  // no cache: compiled as any module
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`, {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));

export default module.exports.default;

/** Whether V8 rejected the code cache (undefined: there was none). */
export const codeCacheRejected = cachedData === undefined ? undefined : script.cachedDataRejected;

/** The code cache of what has been compiled so far (scripts/pdfkit-cache.js). */
export function codeCache() {
  return script.createCachedData();
}
