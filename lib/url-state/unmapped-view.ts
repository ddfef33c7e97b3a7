// The triage list's view (status tab, filters, sort, page) as it lives in the page URL, so a
// copied link or the back button restores it. One codec (nuqs parsers), read by the server page's
// prefetch (loadUnmappedView) and the browser's hooks alike, validated by the contract's schemas.
//
// The URL speaks the API's language: `status` is the API's own status filter, so a page URL's
// query is a valid API query. With no `status` the list shows its default tab, New; the All tab
// is an empty status (`status=`), which the API reads as no status filter. `status=ALL` (old
// links) is still read as All, but never written: the API refuses it.
//
// Beside the API's filters the URL carries `view`, the saved view it was opened from (its tab is
// the current one until the filters change); it never reaches an API query.
import { createLoader, createParser, createSerializer, type inferParserType } from "nuqs/server";
import { z } from "zod";
import { platformSchema, type TriageStatus } from "@/lib/contract/enums";
import { unmappedListQuerySchema, type UnmappedListQuery } from "@/lib/contract/unmapped";
import { type UnmappedExportQuery } from "@/lib/contract/unmapped-export";
import { contractParser } from "./contract-parser";

const shape = unmappedListQuerySchema.shape;

export type StatusTab = TriageStatus | "ALL";
export const STATUS_TABS: readonly StatusTab[] = ["NEW", "ACKNOWLEDGED", "IGNORED", "MAPPED", "ALL"];

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The status filter: "NEW", "NEW,IGNORED" as the API takes it; empty (or the old ALL) is every status. */
const statusListParser = createParser<TriageStatus[]>({
  parse: (raw) => {
    const upper = raw.trim().toUpperCase();
    if (upper === "" || upper === "ALL") return [];
    const parsed = shape.status.safeParse(upper);
    return parsed.success && parsed.data?.length ? parsed.data : null;
  },
  serialize: (statuses) => statuses.join(","),
  eq: sameList,
});

// Triage starts with what nobody has looked at, most urgent first.
/** Only `escalating=true` filters; anything else is no filter. */
const escalatingParser = createParser<true>({ parse: (raw) => (raw === "true" ? true : null), serialize: () => "true" });

export const unmappedViewParsers = {
  status: statusListParser.withDefault(["NEW"]),
  // The API takes several sources; the list's platform filter picks one.
  source: contractParser(platformSchema),
  reason: contractParser(shape.reason),
  minOccurrences: contractParser(shape.minOccurrences),
  q: contractParser(shape.q).withDefault(""),
  assignee: contractParser(shape.assignee),
  escalating: escalatingParser,
  view: contractParser(z.coerce.number().int().min(1).max(2_147_483_647)),
  sort: contractParser(shape.sort).withDefault("priority"),
  order: contractParser(shape.order).withDefault("desc"),
  page: contractParser(shape.page).withDefault(1),
  pageSize: contractParser(shape.pageSize).withDefault(50),
};

export type UnmappedView = inferParserType<typeof unmappedViewParsers>;
export type SortField = UnmappedView["sort"];

/** The view of a URL query: a page's searchParams, a URLSearchParams or a query string. */
export const loadUnmappedView = createLoader(unmappedViewParsers);

export const DEFAULT_VIEW: UnmappedView = loadUnmappedView("");

const serializeView = createSerializer(unmappedViewParsers);

/** The list's URL for a view, defaults left out. */
export const listHref = (view: Partial<UnmappedView>) => serializeView("/unmapped", view);

/** The tab a view shows: one status, or All; null for a hand-made combination of statuses. */
export function tabOf(view: Pick<UnmappedView, "status">): StatusTab | null {
  if (view.status.length === 0) return "ALL";
  return view.status.length === 1 ? view.status[0] : null;
}

export const statusOfTab = (tab: StatusTab): TriageStatus[] => (tab === "ALL" ? [] : [tab]);

export const FILTERS_CLEARED = {
  q: "",
  source: null,
  reason: null,
  minOccurrences: null,
  assignee: null,
  escalating: null,
} satisfies Partial<UnmappedView>;

export function hasFilters(view: UnmappedView): boolean {
  return (
    view.source !== null ||
    view.reason !== null ||
    view.minOccurrences !== null ||
    view.q !== "" ||
    view.assignee !== null ||
    view.escalating !== null
  );
}

type FilterQuery = Pick<UnmappedListQuery, "source" | "reason" | "minOccurrences" | "q" | "assignee" | "escalating">;

function filterQuery(view: UnmappedView): FilterQuery {
  return {
    ...(view.source ? { source: [view.source] } : {}),
    ...(view.reason ? { reason: view.reason } : {}),
    ...(view.minOccurrences !== null ? { minOccurrences: view.minOccurrences } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.assignee ? { assignee: view.assignee } : {}),
    ...(view.escalating ? { escalating: true } : {}),
  };
}

const statusQuery = (status: readonly TriageStatus[]) => (status.length ? { status: [...status] } : {});

/** Runs the sparkline column shows, from the list's own request. */
const TREND_RUNS = 12;

/** Everything the list shows over all its pages: a bulk change's `filter` scope. */
export const viewFilter = (view: UnmappedView) => ({ ...filterQuery(view), ...statusQuery(view.status) });

/** The API query behind the table. */
export function listQuery(view: UnmappedView): UnmappedListQuery {
  return {
    ...filterQuery(view),
    ...statusQuery(view.status),
    trendRuns: TREND_RUNS,
    sort: view.sort,
    order: view.order,
    page: view.page,
    pageSize: view.pageSize,
  };
}

/** The CSV export of what the view shows: its filters and sort, every page. */
export const exportQuery = (view: UnmappedView): UnmappedExportQuery => ({ ...viewFilter(view), sort: view.sort, order: view.order });

/** A one-row query whose total is the tab's count under the view's other filters. */
export function tabCountQuery(view: UnmappedView, tab: StatusTab): UnmappedListQuery {
  return {
    ...filterQuery(view),
    ...statusQuery(statusOfTab(tab)),
    sort: DEFAULT_VIEW.sort,
    order: DEFAULT_VIEW.order,
    page: 1,
    pageSize: 1,
  };
}

/** The "Assigned to me" tab: every status, assigned to whoever asks, under the view's other filters. */
export const MINE_TAB = { status: [] as TriageStatus[], assignee: "me" };
export const isMineTab = (view: Pick<UnmappedView, "status" | "assignee">) => view.assignee === "me" && view.status.length === 0;
export const mineCountQuery = (view: UnmappedView): UnmappedListQuery => ({ ...tabCountQuery(view, "ALL"), assignee: "me" });

/** The one-row query that returns the item at `position` (0-based) of the view's whole list (no trend: only its id is read). */
export function positionQuery(view: UnmappedView, position: number): UnmappedListQuery {
  const { trendRuns: _trend, ...query } = listQuery(view);
  return { ...query, page: position + 1, pageSize: 1 };
}

/** A saved view's query: the URL's list parameters without page and view (GET /api/unmapped's own names). */
export function savedQueryOf(view: UnmappedView): Record<string, string> {
  const search = new URLSearchParams(listHref({ ...view, page: 1, view: null }).split("?")[1] ?? "");
  // The default tab is New: a view keeps it explicitly, so opening it later shows what was saved.
  if (!search.has("status")) search.set("status", view.status.join(","));
  return Object.fromEntries(search);
}
