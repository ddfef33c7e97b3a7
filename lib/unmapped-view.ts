// The list view (tab, filters, sort, page) as it lives in the page URL, so a copied link or the
// back button restores it. Values are validated with the contract's own schemas; anything invalid
// in a hand-edited URL falls back to its default instead of breaking the page.
import type { Platform, TriageStatus, UnmappedReason } from "@/lib/contract/enums";
import { unmappedListQuerySchema, type UnmappedListQuery } from "@/lib/contract/unmapped";

export type StatusTab = TriageStatus | "ALL";
export const STATUS_TABS: readonly StatusTab[] = ["NEW", "ACKNOWLEDGED", "IGNORED", "MAPPED", "ALL"];

export type SortField = UnmappedListQuery["sort"];
export type SortOrder = UnmappedListQuery["order"];

export interface ListView {
  tab: StatusTab;
  source: Platform | null;
  reason: UnmappedReason | null;
  minOccurrences: number | null;
  q: string;
  sort: SortField;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

// Triage starts with what nobody has looked at, most urgent first.
export const DEFAULT_VIEW: ListView = {
  tab: "NEW",
  source: null,
  reason: null,
  minOccurrences: null,
  q: "",
  sort: "priority",
  order: "desc",
  page: 1,
  pageSize: 50,
};

const shape = unmappedListQuerySchema.shape;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(params: ParamSource): (key: string) => string | undefined {
  if (params instanceof URLSearchParams) return (key) => params.get(key) ?? undefined;
  return (key) => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
}

function valid<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  raw: string | undefined,
  fallback: T,
): T {
  if (raw === undefined || raw === "") return fallback;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

export function parseView(params: ParamSource): ListView {
  const get = reader(params);
  const status = get("status")?.toUpperCase();
  const tab = STATUS_TABS.find((t) => t === status) ?? DEFAULT_VIEW.tab;
  return {
    tab,
    source: valid(shape.source, get("source"), undefined)?.[0] ?? null,
    reason: valid(shape.reason, get("reason"), undefined) ?? null,
    minOccurrences: valid(shape.minOccurrences, get("minOccurrences"), undefined) ?? null,
    q: valid(shape.q, get("q"), undefined) ?? "",
    sort: valid(shape.sort, get("sort"), DEFAULT_VIEW.sort),
    order: valid(shape.order, get("order"), DEFAULT_VIEW.order),
    page: valid(shape.page, get("page"), DEFAULT_VIEW.page),
    pageSize: valid(shape.pageSize, get("pageSize"), DEFAULT_VIEW.pageSize),
  };
}

/** The canonical query string of a view (no leading "?"), defaults left out. */
export function viewSearch(view: ListView): string {
  const p = new URLSearchParams();
  if (view.tab !== DEFAULT_VIEW.tab) p.set("status", view.tab);
  if (view.source) p.set("source", view.source);
  if (view.reason) p.set("reason", view.reason);
  if (view.minOccurrences !== null) p.set("minOccurrences", String(view.minOccurrences));
  if (view.q) p.set("q", view.q);
  if (view.sort !== DEFAULT_VIEW.sort) p.set("sort", view.sort);
  if (view.order !== DEFAULT_VIEW.order) p.set("order", view.order);
  if (view.page !== DEFAULT_VIEW.page) p.set("page", String(view.page));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) p.set("pageSize", String(view.pageSize));
  return p.toString();
}

export const listHref = (view: ListView) => {
  const search = viewSearch(view);
  return search ? `/unmapped?${search}` : "/unmapped";
};

export function hasFilters(view: ListView): boolean {
  return view.source !== null || view.reason !== null || view.minOccurrences !== null || view.q !== "";
}

/** The API query behind the table. */
export function listQuery(view: ListView): UnmappedListQuery {
  return {
    ...filterQuery(view),
    ...(view.tab === "ALL" ? {} : { status: [view.tab] }),
    sort: view.sort,
    order: view.order,
    page: view.page,
    pageSize: view.pageSize,
  };
}

/** A one-row query whose total is the tab's count under the view's other filters. */
export function tabCountQuery(view: ListView, tab: StatusTab): UnmappedListQuery {
  return {
    ...filterQuery(view),
    ...(tab === "ALL" ? {} : { status: [tab] }),
    sort: DEFAULT_VIEW.sort,
    order: DEFAULT_VIEW.order,
    page: 1,
    pageSize: 1,
  };
}

/** The one-row query that returns the item at `position` (0-based) of the view's whole list. */
export function positionQuery(view: ListView, position: number): UnmappedListQuery {
  return { ...listQuery(view), page: position + 1, pageSize: 1 };
}

function filterQuery(view: ListView): Pick<UnmappedListQuery, "source" | "reason" | "minOccurrences" | "q"> {
  return {
    ...(view.source ? { source: [view.source] } : {}),
    ...(view.reason ? { reason: view.reason } : {}),
    ...(view.minOccurrences !== null ? { minOccurrences: view.minOccurrences } : {}),
    ...(view.q ? { q: view.q } : {}),
  };
}
