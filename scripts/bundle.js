// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/: one file per command and a few
// shared chunks instead of ~200 ES modules, which Node 20 resolves, reads and links one by one
// (about 50 ms of every start). Libraries that only some commands load go into chunks of
// their own, loaded when used (pdfkit), or stay outside in node_modules (pdfjs-dist, QR, SVG). Worker scripts are entries of their own,
// next to the chunks that start them (`new URL("./scan-worker.js", import.meta.url)`), and
// dist/bundle/ is two levels down like dist/<dir>/, so paths to templates/ hold as well.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";

const outdir = "dist/bundle";

/**
 * pdfkit loads its standard-font metrics with require("#standard-fonts/X"), its package's
 * own import map, which means nothing outside the package: here they are required as
 * "pdfkit/standard-fonts/X" (the package's exports) and stay outside the bundle.
 */
const standardFonts = {
  name: "pdfkit-standard-fonts",
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const contents = text.replaceAll("'#standard-fonts/", "'pdfkit/standard-fonts/");
      if (contents === text) throw new Error("pdfkit no longer loads #standard-fonts/: check scripts/bundle.js");
      return { contents, loader: "js" };
    });
  },
};

/**
 * Three of pdfkit's dependencies build tables as soon as they are loaded (about 30 ms in all)
 * and are seldom or never used by the documents drawn here: brotli (WOFF2 fonts only),
 * unicode-properties (fontkit's shaping, for text with combining marks) and linebreak
 * (pdfkit's own text wrapping). Their imports go to shims in scripts/lazy/ that require them
 * on first use; esbuild bundles a required module in a closure run on its first call.
 */
const LAZY = { "brotli/decompress.js": "brotli-decompress.js", "unicode-properties": "unicode-properties.js", linebreak: "linebreak.js" };
const lazyDependencies = {
  name: "lazy-pdf-dependencies",
  setup(b) {
    b.onResolve({ filter: /^(brotli\/decompress\.js|unicode-properties|linebreak)$/ }, (args) => {
      // the shim's own require gets the package itself
      if (args.importer.includes(`${sep}scripts${sep}lazy${sep}`)) return undefined;
      return { path: resolve("scripts/lazy", LAZY[args.path]) };
    });
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
  // pdfkit is bundled (into the chunk of the commands that draw PDFs: one file to load
  // instead of some fifty modules, about 40 ms); its standard-font metrics stay in the
  // package, loaded only by a document that uses one
  external: ["pdfjs-dist", "qrcode", "svg-to-pdfkit"],
  plugins: [standardFonts, lazyDependencies],
  // CommonJS libraries in the bundle (commander, papaparse) call require()
  banner: { js: 'import { createRequire as __pelatihanRequire } from "node:module";\nconst require = __pelatihanRequire(import.meta.url);' },
  logLevel: "warning",
});
