// The mappings browser's view (search, filters, page) in the page URL, like the triage list's:
// one codec read by the server page's prefetch and the browser's hooks, validated by the
// contract's schemas. `active` is the API's own filter, with "all" for no filter.
import { createLoader, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { mappingListQuerySchema, mappingOriginSchema, type MappingListQuery } from "@/lib/contract/mappings";
import { contractParser } from "./contract-parser";

const shape = mappingListQuerySchema.shape;

export type MappingOrigin = NonNullable<MappingListQuery["origin"]>;
export type MappingPlatform = NonNullable<MappingListQuery["platform"]>;
export const MAPPING_PLATFORMS: readonly MappingPlatform[] = shape.platform.unwrap().options;
export const MAPPING_ORIGINS: readonly MappingOrigin[] = mappingOriginSchema.options;
/** The longest search the list takes: the filter bar's and the mapping editor's search boxes. */
export const MAPPING_SEARCH_MAX = shape.q.unwrap().maxLength;
/** "true": what the scraper uses now (the default); "false": overridden or deactivated; "all". */
export const ACTIVE_FILTERS = ["true", "false", "all"] as const;
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number];

export const mappingsViewParsers = {
  q: contractParser(shape.q).withDefault(""),
  origin: contractParser(shape.origin.unwrap()),
  platform: contractParser(shape.platform.unwrap()),
  active: parseAsStringLiteral(ACTIVE_FILTERS).withDefault("true"),
  sort: contractParser(shape.sort).withDefault("name"),
  order: contractParser(shape.order).withDefault("asc"),
  page: contractParser(shape.page).withDefault(1),
  pageSize: contractParser(shape.pageSize).withDefault(50),
};

export type MappingsView = inferParserType<typeof mappingsViewParsers>;

export const loadMappingsView = createLoader(mappingsViewParsers);
export const DEFAULT_MAPPINGS_VIEW: MappingsView = loadMappingsView("");
const serializeView = createSerializer(mappingsViewParsers);
export const mappingsHref = (view: Partial<MappingsView>) => serializeView("/mappings", view);

export const MAPPING_FILTERS_CLEARED = { q: "", origin: null, platform: null, active: "true" } satisfies Partial<MappingsView>;

export const hasMappingFilters = (view: MappingsView) =>
  view.q !== "" || view.origin !== null || view.platform !== null || view.active !== DEFAULT_MAPPINGS_VIEW.active;

/** The API query behind the table. */
export function mappingsQuery(view: MappingsView): MappingListQuery {
  return {
    ...(view.q ? { q: view.q } : {}),
    ...(view.origin ? { origin: view.origin } : {}),
    ...(view.platform ? { platform: view.platform } : {}),
    ...(view.active === "all" ? {} : { active: view.active === "true" }),
    sort: view.sort,
    order: view.order,
    page: view.page,
    pageSize: view.pageSize,
  };
}
