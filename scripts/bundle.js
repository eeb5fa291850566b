// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/: one file per command and a few
// shared chunks instead of ~200 ES modules, which Node 20 resolves, reads and links one by one
// (about 50 ms of every start). Heavy libraries that only some commands load (PDF, QR)
// stay outside, imported from node_modules when used. Worker scripts are entries of their own,
// next to the chunks that start them (`new URL("./scan-worker.js", import.meta.url)`), and
// dist/bundle/ is two levels down like dist/<dir>/, so paths to templates/ hold as well.
import { build } from "esbuild";
import { rmSync } from "node:fs";

const outdir = "dist/bundle";
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["dist/cli/index.js", "dist/pipeline/scan-worker.js", "dist/io/certificate-worker.js"],
  outdir,
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["pdfkit", "pdfjs-dist", "qrcode", "svg-to-pdfkit"],
  // CommonJS libraries in the bundle (commander, papaparse) call require()
  banner: { js: 'import { createRequire as __pelatihanRequire } from "node:module";\nconst require = __pelatihanRequire(import.meta.url);' },
  logLevel: "warning",
});
