// Lint: Next's rules (React, hooks, accessibility, imports), typescript-eslint, and the layer rules
// below (eslint-plugin-boundaries). Formatting is Prettier's job (`npm run lint` checks both).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import boundaries from "eslint-plugin-boundaries";

// The layers, as folders. A file belongs to the first element whose pattern matches it.
const elements = [
  { type: "runtime", pattern: "server/runtime" },
  { type: "http", pattern: "server/http" },
  { type: "testing", pattern: "server/testing" },
  { type: "server", pattern: "server" },
  { type: "app", pattern: "app" },
  { type: "components", pattern: "components" },
  { type: "lib", pattern: "lib" },
  { type: "generated", pattern: "generated" },
  { type: "tooling", pattern: "{scripts,bench,e2e}" },
].map((e) => ({ ...e, partialMatch: false }));

/** "from may import to", optionally for type imports only. */
const allow = (from, to, kind) => ({
  from: { element: { types: { anyOf: from } } },
  allow: { to: { element: { types: { anyOf: to } } }, ...(kind ? { dependency: { kind } } : {}) },
});
const SERVER = ["runtime", "http", "server"];

export default defineConfig([
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".next-*/**",
    ".scratch/**",
    "generated/**",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTs,
  {
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/include": ["app/**", "components/**", "lib/**", "server/**", "generated/**", "scripts/**", "bench/**", "e2e/**"],
      "import/resolver": { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            // Pages and route handlers reach the server only through the runtime registry and the
            // HTTP wrapper: a value imported from elsewhere in server/ would be bundled into the
            // route as a second copy (of a cache, of the catalog) beside the server's own.
            allow(["app"], ["app", "components", "lib", "runtime", "http"]),
            allow(["app"], ["server", "generated"], "type"),
            // The browser side knows the contract and itself, never the server.
            allow(["components"], ["components", "lib"]),
            allow(["components", "lib"], ["server"], "type"),
            allow(["lib"], ["lib"]),
            // The server side: its own modules and the contract, never React.
            allow(SERVER, [...SERVER, "lib", "generated"]),
            allow(SERVER, ["testing"], "type"),
            allow(["testing"], [...SERVER, "testing", "lib", "generated"]),
            allow(["tooling"], [...SERVER, "testing", "lib", "generated", "tooling"]),
          ],
        },
      ],
    },
  },
  {
    rules: {
      // A leading underscore names what is deliberately unused (a destructured-away field).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Tests sit beside the code and may use the test helpers.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          policies: [
            {
              from: { element: { types: { anyOf: ["components", "lib"] } } },
              disallow: { to: { element: { types: { anyOf: [...SERVER, "testing"] } } }, dependency: { kind: "value" } },
            },
          ],
        },
      ],
    },
  },
  prettier,
]);
