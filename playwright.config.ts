import { defineConfig } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_STATE, BASE_URL, BETTER_AUTH_SECRET, E2E_PORT, FIRST_RUN_PORT } from "./e2e/auth-env";

// One production server with a fresh in-memory database per run, shared by every test (workers: 1),
// started with an admin (ADMIN_EMAIL/ADMIN_PASSWORD). "setup" signs in as that admin first; the
// "empty" project runs next, while the database still has no markets; everything else after, all
// signed in as the admin. A second server, started with nobody, is there for the first-run page.
const baseURL = BASE_URL;

const serverEnv = (port: number) => ({
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(port),
  DATA_DIR: "memory://",
  SCRAPE_INTERVAL_SECONDS: "0",
  DEMO_EVENTS: "8",
  DEMO_NEW_PER_CYCLE: "2",
  DEMO_HOSTILE_NAMES: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
  LOG_LEVEL: "warn",
  BETTER_AUTH_SECRET,
  // The webhooks spec's receiver listens on 127.0.0.1, which the request forgery guard refuses otherwise.
  WEBHOOK_ALLOW_PRIVATE: "true",
  WEBHOOK_RETRY_BASE_MS: "200",
});

const server = (port: number, env: Record<string, string>) => ({
  command: "npx tsx server/main.ts",
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  env,
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: the machine may be shared with builds and other browser runs.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "empty", testMatch: /empty-state\.spec\.ts/, dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
    { name: "chromium", testIgnore: /empty-state\.spec\.ts/, dependencies: ["empty"], use: { storageState: ADMIN_STATE } },
  ],
  webServer: [
    server(E2E_PORT, { ...serverEnv(E2E_PORT), ADMIN_EMAIL, ADMIN_PASSWORD }),
    // Nobody exists here until e2e/auth.spec.ts creates the first admin (FIRST_RUN_URL).
    server(FIRST_RUN_PORT, serverEnv(FIRST_RUN_PORT)),
  ],
});
