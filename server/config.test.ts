import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("has documented defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 3000,
      DATA_DIR: "./data",
      SOURCES: ["demo"],
      SCRAPE_INTERVAL_SECONDS: 300,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it("parses lists and numbers, treating empty values as unset", () => {
    const c = loadConfig({ SOURCES: " demo , demo", PORT: "", SCRAPE_INTERVAL_SECONDS: "0" });
    expect(c.SOURCES).toEqual(["demo"]);
    expect(c.PORT).toBe(3000);
    expect(c.SCRAPE_INTERVAL_SECONDS).toBe(0);
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["SCRAPE_INTERVAL_SECONDS", "-5"],
    ["SOURCES", "demo,pinnacle"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["LOG_LEVEL", "loud"],
    // The sources and the bookmakers' settings.
    ["SOURCES", "sportybet,betpawa"],
    ["SPORTYBET_BASE_URL", "ftp://www.sportybet.com"],
    ["SPORTYBET_BASE_URL", "www.sportybet.com"],
    ["BET9JA_BASE_URL", "https://sports.bet9ja.com/?x=1"],
    ["BET9JA_BASE_URL", "https://sports.bet9ja.com/#top"],
    ["SPORTYBET_TIMEOUT_MS", "0"],
    ["SPORTYBET_CONCURRENCY", "0"],
    ["BET9JA_CONCURRENCY", "2.5"],
    ["BET9JA_PACING_MS", "-1"],
    ["SCRAPE_RETRIES", "11"],
    ["SCRAPE_EVENT_LIMIT", "-1"],
  ])("names the variable when %s=%s is invalid", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}`));
  });
});
