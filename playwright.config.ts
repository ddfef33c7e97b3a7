import { defineConfig } from "@playwright/test";

// One production server with a fresh in-memory database per run, shared by every test (workers: 1).
// The "empty" project runs first, while the database still has no markets; everything else after.
const PORT = Number(process.env.E2E_PORT ?? 3211);
const baseURL = `http://127.0.0.1:${PORT}`;

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
    { name: "empty", testMatch: /empty-state\.spec\.ts/ },
    { name: "chromium", testIgnore: /empty-state\.spec\.ts/, dependencies: ["empty"] },
  ],
  webServer: {
    command: "npx tsx server/main.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATA_DIR: "memory://",
      SCRAPE_INTERVAL_SECONDS: "0",
      DEMO_EVENTS: "8",
      DEMO_NEW_PER_CYCLE: "2",
      DEMO_HOSTILE_NAMES: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      LOG_LEVEL: "warn",
    },
  },
});
