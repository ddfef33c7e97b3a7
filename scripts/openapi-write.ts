// Writes the OpenAPI document generated from the contract to generated/openapi/openapi.json (git-
// ignored), the file `npm run lint` hands to Spectral and to openapi-typescript, and that a tool can
// generate its own client from without running the server (the server serves the same document at
// GET /api/openapi.json).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openApiDocument } from "@/lib/contract/openapi";

const target = resolve(process.argv[2] ?? "generated/openapi/openapi.json");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`OpenAPI document written to ${target}`);
