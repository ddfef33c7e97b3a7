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
  ])("names the variable when %s=%s is invalid", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}`));
  });
});
