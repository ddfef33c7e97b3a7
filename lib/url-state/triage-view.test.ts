import { describe, expect, it } from "vitest";
import { unmappedSearch } from "@/lib/api/unmapped";
import { bulkRequestSchema, unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { viewQuerySchema } from "@/lib/contract/views";
import {
  DEFAULT_VIEW,
  isMineTab,
  listHref,
  listQuery,
  loadUnmappedView,
  mineCountQuery,
  positionQuery,
  savedQueryOf,
  viewFilter,
} from "./unmapped-view";

const apiQuery = (search: string) => unmappedListQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));

describe("the list's triage parameters in the URL", () => {
  it("round-trips assignee, escalating and the saved view, and reads junk as no filter", () => {
    const view = { ...DEFAULT_VIEW, assignee: "me", escalating: true as const, view: 7 };
    const href = listHref(view);
    expect(href).toBe("/unmapped?assignee=me&escalating=true&view=7");
    expect(loadUnmappedView(href.split("?")[1])).toEqual(view);
    expect(loadUnmappedView("escalating=yes&view=abc&assignee=")).toMatchObject({ escalating: null, view: null, assignee: null });
  });

  it("asks the API for the filters and the sparkline's runs, never for the saved view", () => {
    const view = loadUnmappedView("assignee=none&escalating=true&view=3");
    const query = apiQuery(unmappedSearch(listQuery(view)));
    expect(query).toMatchObject({ assignee: "none", escalating: true, trendRuns: 12, status: ["NEW"] });
    expect(unmappedSearch(listQuery(view))).not.toContain("view=");
    expect(positionQuery(view, 4)).not.toHaveProperty("trendRuns");
  });

  it("counts the Assigned to me tab over every status", () => {
    const view = loadUnmappedView("source=bet9ja");
    expect(mineCountQuery(view)).toMatchObject({ assignee: "me", source: ["bet9ja"], pageSize: 1 });
    expect(mineCountQuery(view)).not.toHaveProperty("status");
    expect(isMineTab(loadUnmappedView("status=&assignee=me"))).toBe(true);
    expect(isMineTab(loadUnmappedView("assignee=me"))).toBe(false);
  });

  it("scopes a bulk change to the view's filters, which the bulk schema accepts", () => {
    const view = loadUnmappedView("status=NEW,IGNORED&q=corners&escalating=true&page=3");
    const filter = viewFilter(view);
    expect(filter).toEqual({ status: ["NEW", "IGNORED"], q: "corners", escalating: true });
    expect(bulkRequestSchema.safeParse({ filter, set: { status: "IGNORED" } }).success).toBe(true);
  });

  it("saves a view as the list's query without page or view, keeping the tab explicitly", () => {
    const saved = savedQueryOf(loadUnmappedView("assignee=me&sort=occurrenceCount&page=4&view=2"));
    expect(saved).toEqual({ status: "NEW", assignee: "me", sort: "occurrenceCount" });
    expect(viewQuerySchema.safeParse(saved).success).toBe(true);
    expect(savedQueryOf(loadUnmappedView("status="))).toEqual({ status: "" });
    expect(viewQuerySchema.safeParse({ status: "" }).success).toBe(true);
  });
});
