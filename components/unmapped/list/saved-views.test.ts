import { describe, expect, it } from "vitest";
import { viewQuerySchema } from "@/lib/contract/views";
import { loadUnmappedView, savedQueryOf } from "@/lib/url-state/unmapped-view";
import { sparklinePoints } from "../sparkline";
import { viewOfSaved } from "./use-saved-views";

describe("saved views", () => {
  it("open as the very view they were saved from, marked with their id", () => {
    const view = loadUnmappedView("status=NEW,ACKNOWLEDGED&assignee=me&escalating=true&sort=occurrenceCount&order=asc&pageSize=25");
    const query = savedQueryOf(view);
    expect(viewQuerySchema.parse(query)).toEqual(query);
    expect(viewOfSaved({ id: 4, query })).toEqual({ ...view, view: 4 });
  });

  it("read a list of values as the list's comma-separated parameter", () => {
    expect(viewOfSaved({ id: 1, query: { status: ["NEW", "IGNORED"] } }).status).toEqual(["NEW", "IGNORED"]);
  });
});

describe("sparklinePoints", () => {
  it("scales the highest run to the top and 0 to the bottom, oldest on the left", () => {
    expect(sparklinePoints([0, 5, 10], 24, 12)).toBe("2.0,10.0 12.0,6.0 22.0,2.0");
  });

  it("draws runs without sightings as a flat line at the bottom", () => {
    expect(sparklinePoints([0, 0], 24, 12)).toBe("2.0,10.0 22.0,10.0");
  });
});
