import { describe, expect, it } from "vitest";
import { unmappedListQuerySchema } from "@/lib/contract/unmapped";
import { mappingListQuerySchema } from "@/lib/contract/mappings";
import { unmappedSearch } from "@/lib/api/unmapped";
import { mappingSearch } from "@/lib/api/mappings";
import { DEFAULT_MAPPINGS_VIEW, loadMappingsView, mappingsHref, mappingsQuery } from "./mappings-view";
import { DEFAULT_VIEW, listHref, listQuery, loadUnmappedView, positionQuery, tabCountQuery, tabOf } from "./unmapped-view";

const apiAccepts = (search: string) => unmappedListQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(search))).success;

describe("the triage list's URL codec", () => {
  it("starts on New, most urgent first", () => {
    expect(DEFAULT_VIEW).toMatchObject({ status: ["NEW"], sort: "priority", order: "desc", page: 1, pageSize: 50, q: "", source: null });
    expect(listHref(DEFAULT_VIEW)).toBe("/unmapped");
  });

  it("writes the All tab as an empty status, which the API reads as no status filter; never status=ALL", () => {
    const all = { ...DEFAULT_VIEW, status: [] };
    expect(listHref(all)).toBe("/unmapped?status=");
    expect(apiAccepts("status=")).toBe(true);
    expect(apiAccepts("status=ALL")).toBe(false);
    expect(tabOf(loadUnmappedView("status="))).toBe("ALL");
    // Old links still open the All tab.
    expect(loadUnmappedView("status=ALL").status).toEqual([]);
    expect(loadUnmappedView("status=all").status).toEqual([]);
  });

  it("round-trips every view through the URL", () => {
    const view = {
      ...DEFAULT_VIEW,
      status: ["NEW" as const, "IGNORED" as const],
      source: "bet9ja" as const,
      q: "a b&c",
      minOccurrences: 10,
      sort: "occurrenceCount" as const,
      order: "asc" as const,
      page: 3,
      pageSize: 25,
    };
    const href = listHref(view);
    expect(href).toBe(
      "/unmapped?status=NEW,IGNORED&source=bet9ja&minOccurrences=10&q=a+b%26c&sort=occurrenceCount&order=asc&page=3&pageSize=25",
    );
    expect(loadUnmappedView(href.split("?")[1])).toEqual(view);
    expect(tabOf(view)).toBeNull();
  });

  it("reads what the API would refuse as the default, not as an error", () => {
    const view = loadUnmappedView(
      "status=DONE&source=x&reason=y&minOccurrences=-1&sort=nope&order=up&page=0&pageSize=999&q=" + "x".repeat(300),
    );
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it("page URLs are API queries: what the list asks the API is what its URL says", () => {
    for (const search of ["", "status=", "status=IGNORED&source=sportybet&sort=firstSeenAt&order=asc&page=2", "q=shots&minOccurrences=3"]) {
      const view = loadUnmappedView(search);
      expect(apiAccepts(search), search).toBe(true);
      const query = listQuery(view);
      expect(unmappedListQuerySchema.parse(Object.fromEntries(new URLSearchParams(unmappedSearch(query))))).toEqual(query);
    }
  });

  it("tab counts and neighbours keep the filters and drop the paging", () => {
    const view = loadUnmappedView("status=IGNORED&source=bet9ja&q=corners&sort=occurrenceCount&page=4");
    expect(tabCountQuery(view, "ALL")).toEqual({ source: ["bet9ja"], q: "corners", sort: "priority", order: "desc", page: 1, pageSize: 1 });
    expect(tabCountQuery(view, "NEW").status).toEqual(["NEW"]);
    expect(positionQuery(view, 149)).toMatchObject({ status: ["IGNORED"], sort: "occurrenceCount", page: 150, pageSize: 1 });
  });
});

describe("the mappings list's URL codec", () => {
  it("defaults to the active mappings and round-trips", () => {
    expect(mappingsHref(DEFAULT_MAPPINGS_VIEW)).toBe("/mappings");
    const view = {
      ...DEFAULT_MAPPINGS_VIEW,
      q: "correct score",
      origin: "user" as const,
      platform: "bet9ja" as const,
      active: "all" as const,
      page: 2,
    };
    expect(loadMappingsView(mappingsHref(view).split("?")[1])).toEqual(view);
    expect(mappingsQuery(view)).toEqual({
      q: "correct score",
      origin: "user",
      platform: "bet9ja",
      sort: "name",
      order: "asc",
      page: 2,
      pageSize: 50,
    });
    expect(mappingsQuery(DEFAULT_MAPPINGS_VIEW)).toMatchObject({ active: true });
  });

  it("sends queries the API accepts", () => {
    for (const search of ["", "active=false&platform=betpawa", "q=1x2&page=3"]) {
      const query = mappingsQuery(loadMappingsView(search));
      expect(mappingListQuerySchema.parse(Object.fromEntries(new URLSearchParams(mappingSearch(query))))).toEqual(query);
    }
  });
});
