// The mappings list sorts by each of its columns, both ways: missing platform ids after every
// present one whichever the order, ties by name then canonical id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAPPING_SORTS, type MappingItem, type MappingListQuery } from "@/lib/contract/mappings";
import { openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { MappingService } from "./mapping-service";

describe("mappings list sorting", () => {
  let t: TestDatabase;
  let mappings: MappingService;
  beforeAll(async () => {
    t = await openTestDatabase("pglite");
    mappings = new MappingService(t.db.prisma);
  });
  afterAll(async () => t?.drop());

  const all = async (sort: MappingListQuery["sort"], order: MappingListQuery["order"]) =>
    (await mappings.list({ sort, order, page: 1, pageSize: 200 })).items;

  it("by every column, both ways", async () => {
    for (const sort of MAPPING_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const items = await all(sort, order);
        expect(items.length).toBeGreaterThan(100);
        const values = items.map((m: MappingItem) => m[sort]);
        const present = values.filter((v) => v !== null);
        // Missing values come last.
        expect(
          values.slice(present.length).every((v) => v === null),
          `${sort} ${order}`,
        ).toBe(true);
        for (let i = 1; i < present.length; i++) {
          const [a, b] = [present[i - 1], present[i]];
          const c = typeof a === "string" && typeof b === "string" ? a.localeCompare(b) : Number(a) - Number(b);
          expect(order === "asc" ? c <= 0 : c >= 0, `${sort} ${order} at ${i}: ${String(a)} then ${String(b)}`).toBe(true);
        }
      }
    }
  });

  it("breaks ties by name, and defaults to name A-Z as before", async () => {
    const byOrigin = await all("origin", "asc");
    const builtins = byOrigin.filter((m) => m.origin === "builtin").map((m) => m.name);
    expect(builtins).toEqual([...builtins].sort((a, b) => a.localeCompare(b)));
    const byName = (await mappings.list({ sort: "name", order: "asc", page: 1, pageSize: 5 })).items.map((m) => m.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
  });
});
