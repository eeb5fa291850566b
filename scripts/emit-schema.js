// Writes schema/program.schema.json from the built code (run `npm run schema`; it builds first).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { programJsonSchemaText } from "../dist/domain/program-json-schema.js";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "program.schema.json");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, programJsonSchemaText());
console.log(`wrote ${target}`);
