// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/: one file per command and a few
// shared chunks instead of ~200 ES modules, which Node 20 resolves, reads and links one by one
// (about 50 ms of every start). Libraries that only some commands load are files of their
// own, loaded when used (pdfkit, as dist/bundle/pdfkit.cjs with a V8 code cache, and its
// seldom-used dependencies in dist/bundle/lazy/), or stay outside in node_modules (pdfjs-dist,
// QR, SVG). Worker scripts are entries of their own, next to the chunks that start them
// (`new URL("./scan-worker.js", import.meta.url)`), and dist/bundle/ is two levels down like
// dist/<dir>/, so paths to templates/ hold as well.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

const outdir = "dist/bundle";

/**
 * Two changes to pdfkit's own module, checked to still apply:
 * - pdfkit loads its standard-font metrics with require("#standard-fonts/X"), its package's
 *   own import map, which means nothing outside the package: here they are required as
 *   "pdfkit/standard-fonts/X" (the package's exports) and stay outside the bundle.
 * - Every stream of a PDF is deflated with zlib's default window of 32 KB, whose state zlib
 *   allocates and clears for each stream: a roster PDF has 400 streams, most under 1 KB. A
 *   window just bigger than the stream gives the same compressed data (matches never reach
 *   further back than the stream's start) at two thirds of the cost (33 to 22 ms for the
 *   100,000-applicant roster's streams); only the zlib header, which states the window, differs.
 */
const pdfkitSource = {
  name: "pdfkit-source",
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const fonts = text.replaceAll("'#standard-fonts/", "'pdfkit/standard-fonts/");
      if (fonts === text) throw new Error("pdfkit no longer loads #standard-fonts/: check scripts/bundle.js");
      const deflate = "deflateSync: data => zlib$1.deflateSync(data)";
      if (fonts.split(deflate).length !== 2) throw new Error("pdfkit no longer deflates its streams as it did: check scripts/bundle.js");
      // zlib's window is at least 2^9; it must exceed the data by its lookahead of 262 bytes
      const contents = fonts.replace(deflate, "deflateSync: data => zlib$1.deflateSync(data, { windowBits: Math.min(15, Math.max(9, Math.ceil(Math.log2(data.length + 262)))) })");
      return { contents, loader: "js" };
    });
  },
};

/**
 * Four of pdfkit's dependencies build tables as soon as they are loaded (about 40 ms in all)
 * and are seldom or never used by the documents drawn here: brotli (WOFF2 fonts only),
 * unicode-properties (fontkit's shaping, for text with combining marks), linebreak
 * (pdfkit's own text wrapping) and @noble/ciphers' AES (encrypted PDFs only). Their imports
 * go to shims in scripts/lazy/ that require them on first use. Each is bundled on its own, as
 * CommonJS, into dist/bundle/lazy/ (the shims require "./lazy/<name>.cjs", next to
 * dist/bundle/pdfkit.cjs): kept out of pdfkit's file, their 1.4 MB of source (brotli's
 * dictionary, mostly) is not even parsed by a command that does not use them (about 8 ms of
 * every roster and certificate run).
 */
const LAZY = {
  "brotli/decompress.js": "brotli-decompress",
  "unicode-properties": "unicode-properties",
  linebreak: "linebreak",
  "@noble/ciphers/aes": "noble-aes",
};
const lazyDependencies = {
  name: "lazy-pdf-dependencies",
  setup(b) {
    b.onResolve({ filter: /^(brotli\/decompress\.js|unicode-properties|linebreak|@noble\/ciphers\/aes)$/ }, (args) => ({
      path: resolve("scripts/lazy", `${LAZY[args.path]}.js`),
    }));
    // the shims' own require, of the package bundled next to dist/bundle/pdfkit.cjs
    b.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * fontkit builds three Unicode tables (for its Arabic, Indic and Universal shapers) as soon as
 * it is loaded: about 20 ms of every PDF, for scripts the documents here seldom hold. Each
 * table is built on its first lookup instead; `get` is all fontkit asks of them (checked).
 */
const lazyShaperTables = {
  name: "lazy-fontkit-tables",
  setup(b) {
    b.onLoad({ filter: /[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const made = /^const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\(.*\));$/gm;
      const names = [...text.matchAll(made)].map((m) => m[1]);
      const uses = names.flatMap((n) => text.split(n).slice(1).map((rest) => rest.slice(0, 5)));
      if (names.length === 0 || uses.some((u) => u !== " = ne" && u !== ".get(")) {
        throw new Error("fontkit's shaper tables are no longer built as they were: check scripts/bundle.js");
      }
      const contents = text.replace(made, "const $1 = __pelatihanLazyTable(() => $2);");
      const helper = "function __pelatihanLazyTable(make) {\n  let table;\n  return { get: (c) => (table ??= make()).get(c) };\n}\n";
      return { contents: helper + contents, loader: "js" };
    });
  },
};

/**
 * restructure (fontkit's binary reader) makes a TextDecoder for every string it reads: some
 * thousand when a font is subset into a PDF, about 8 ms of each roster PDF. One decoder per
 * encoding does the same (decode() without { stream } keeps no state between calls).
 */
const decoderPerEncoding = {
  name: "restructure-decoders",
  setup(b) {
    b.onLoad({ filter: /[\\/]restructure[\\/]src[\\/]DecodeStream\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const made = "let decoder = new TextDecoder(encoding);";
      if (text.split(made).length !== 2) throw new Error("restructure no longer makes its decoders as it did: check scripts/bundle.js");
      const contents = `const __pelatihanDecoders = new Map();\n${text.replace(made, "let decoder = __pelatihanDecoders.get(encoding);\n      if (!decoder) __pelatihanDecoders.set(encoding, (decoder = new TextDecoder(encoding)));")}`;
      return { contents, loader: "js" };
    });
  },
};

/** The commands' import("pdfkit") loads dist/bundle/pdfkit.js (scripts/lazy/pdfkit.js), next to their chunks. */
const pdfkitFile = {
  name: "pdfkit-file",
  setup(b) {
    b.onResolve({ filter: /^pdfkit$/ }, () => ({ path: "./pdfkit.js", external: true }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["dist/cli/index.js", "dist/pipeline/scan-worker.js", "dist/io/certificate-worker.js", "dist/io/pdf-roster-worker.js"],
  outdir,
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // pdfkit is its own file, dist/bundle/pdfkit.cjs, loaded through ./pdfkit.js (see below)
  external: ["pdfjs-dist", "qrcode", "svg-to-pdfkit"],
  plugins: [pdfkitFile],
  // CommonJS libraries in the bundle (commander, papaparse) call require()
  banner: { js: 'import { createRequire as __pelatihanRequire } from "node:module";\nconst require = __pelatihanRequire(import.meta.url);' },
  logLevel: "warning",
});
// files loaded with require(): dist/bundle/lazy/*.cjs and dist/bundle/pdfkit.cjs
const commonJs = { outdir, outExtension: { ".js": ".cjs" }, bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "warning" };
await build({
  ...commonJs,
  // the packages' CommonJS builds, as require() finds them, so that the shims get what require gives
  entryPoints: Object.fromEntries(Object.entries(LAZY).map(([pkg, name]) => [`lazy/${name}`, createRequire(import.meta.url).resolve(pkg)])),
});
// pdfkit (and fontkit) as one CommonJS file: one file to load instead of some fifty modules
// (about 40 ms), compiled with V8's code cache (scripts/lazy/pdfkit.js). Its standard-font
// metrics stay in the package, loaded only by a document that uses one.
await build({
  ...commonJs,
  entryPoints: { pdfkit: "node_modules/pdfkit/js/pdfkit.node.mjs" },
  external: ["pdfkit/standard-fonts/*"],
  plugins: [pdfkitSource, lazyDependencies, lazyShaperTables, decoderPerEncoding],
  // the ES module's import.meta.url (its ICC profile's path, its require of the standard fonts)
  define: { "import.meta.url": "__pdfkitUrl" },
  banner: { js: 'const __pdfkitUrl = require("node:url").pathToFileURL(__filename).href;' },
});
await build({ entryPoints: { pdfkit: "scripts/lazy/pdfkit.js" }, outdir, bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "warning" });
// the code cache is made by this Node.js, for this Node.js
const cache = spawnSync(process.execPath, ["scripts/pdfkit-cache.js"], { stdio: "inherit" });
if (cache.status !== 0) throw new Error("scripts/pdfkit-cache.js failed");
