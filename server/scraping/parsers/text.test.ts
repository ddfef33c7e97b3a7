import { describe, expect, it } from "vitest";
import { cleanText, clip, scrapedText } from "./text";

describe("scraped text", () => {
  it("removes NUL, which PostgreSQL text cannot hold", () => {
    expect(cleanText("Over\u0000/Under\u0000")).toBe("Over/Under");
    expect(cleanText("\u0000")).toBe("");
  });

  it("replaces lone surrogates with U+FFFD and keeps real pairs", () => {
    expect(cleanText("a\ud800b")).toBe("a\ufffdb");
    expect(cleanText("a\udc00")).toBe("a\ufffd");
    expect(cleanText("goal \u{1f945}")).toBe("goal \u{1f945}");
  });

  it("turns every other C0, DEL and C1 control into a space", () => {
    expect(cleanText("1st\tHalf\r\nGoals")).toBe("1st Half  Goals");
    expect(cleanText("\u001b[31mred\u007f\u009b")).toBe(" [31mred  ");
  });

  it("keeps clean, hostile-looking and non-Latin text verbatim", () => {
    const text = `<img src=x onerror=alert(1)> '; DROP TABLE x; -- "q" \\ 50% Résultat 半场 ⚽`;
    expect(cleanText(text)).toBe(text);
  });

  it("cuts by code point after cleaning, never splitting a pair", () => {
    expect(clip("\u{1f945}".repeat(3), 2)).toBe("\u{1f945}\u{1f945}");
    expect(scrapedText("\u0000".repeat(10) + "abc", 2)).toBe("ab");
  });
});
