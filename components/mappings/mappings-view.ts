// The mappings browser's view (search, filters, page) as it lives in the page URL, like the
// unmapped list: a copied link or the back button restores it; anything invalid in a hand-edited
// URL falls back to its default.
import { mappingListQuerySchema, mappingOriginSchema, type MappingListQuery } from "@/lib/contract/mappings";

export type MappingOrigin = NonNullable<MappingListQuery["origin"]>;
export type MappingPlatform = NonNullable<MappingListQuery["platform"]>;
/** "true": what the scraper uses now (the default); "false": overridden or deactivated; "all". */
export type ActiveFilter = "true" | "false" | "all";

export interface MappingsView {
  q: string;
  origin: MappingOrigin | null;
  platform: MappingPlatform | null;
  active: ActiveFilter;
  page: number;
  pageSize: number;
}

export const MAPPING_PAGE_SIZES = [25, 50, 100, 200] as const;
export const MAPPING_PLATFORMS: readonly MappingPlatform[] = ["betpawa", "sportybet", "bet9ja"];
export const MAPPING_ORIGINS: readonly MappingOrigin[] = mappingOriginSchema.options;

export const DEFAULT_MAPPINGS_VIEW: MappingsView = { q: "", origin: null, platform: null, active: "true", page: 1, pageSize: 50 };

const shape = mappingListQuerySchema.shape;

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

export function parseMappingsView(params: ParamSource): MappingsView {
  const get = reader(params);
  const active = get("active");
  return {
    q: valid(shape.q, get("q"), undefined) ?? "",
    origin: valid(shape.origin, get("origin"), undefined) ?? null,
    platform: valid(shape.platform, get("platform"), undefined) ?? null,
    active: active === "false" || active === "all" ? active : "true",
    page: valid(shape.page, get("page"), DEFAULT_MAPPINGS_VIEW.page),
    pageSize: valid(shape.pageSize, get("pageSize"), DEFAULT_MAPPINGS_VIEW.pageSize),
  };
}

/** The canonical query string (no leading "?"), defaults left out. */
export function mappingsViewSearch(view: MappingsView): string {
  const p = new URLSearchParams();
  if (view.q) p.set("q", view.q);
  if (view.origin) p.set("origin", view.origin);
  if (view.platform) p.set("platform", view.platform);
  if (view.active !== DEFAULT_MAPPINGS_VIEW.active) p.set("active", view.active);
  if (view.page !== DEFAULT_MAPPINGS_VIEW.page) p.set("page", String(view.page));
  if (view.pageSize !== DEFAULT_MAPPINGS_VIEW.pageSize) p.set("pageSize", String(view.pageSize));
  return p.toString();
}

export const mappingsHref = (view: MappingsView) => {
  const search = mappingsViewSearch(view);
  return search ? `/mappings?${search}` : "/mappings";
};

export const hasMappingFilters = (view: MappingsView) =>
  view.q !== "" || view.origin !== null || view.platform !== null || view.active !== DEFAULT_MAPPINGS_VIEW.active;

/** The API query behind the table. */
export function mappingsQuery(view: MappingsView): MappingListQuery {
  return {
    ...(view.q ? { q: view.q } : {}),
    ...(view.origin ? { origin: view.origin } : {}),
    ...(view.platform ? { platform: view.platform } : {}),
    ...(view.active === "all" ? {} : { active: view.active === "true" }),
    page: view.page,
    pageSize: view.pageSize,
  };
}
