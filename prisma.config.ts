// Prisma CLI configuration. The CLI runs its bundled WASM schema engine through a driver adapter
// (no native engine can be downloaded here); it only ever talks to an in-memory PGlite, so no CLI
// command can touch the real data folder while the server runs. See docs/DATABASE.md.
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./scripts/lib/pglite-cli-adapter.ts";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: cliAdapter,
});
