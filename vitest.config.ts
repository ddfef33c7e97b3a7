import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    // Component tests (*.test.tsx) opt into jsdom per file with a `// @vitest-environment jsdom` comment.
    include: ["{server,lib,app,components,scripts}/**/*.test.{ts,tsx}"],
    environment: "node",
    // Integration tests start real servers and databases; two cores, so keep the pool small.
    pool: "forks",
    maxWorkers: 2,
    // Outer limits only, generous for a loaded two-core machine: tests wait on conditions.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
