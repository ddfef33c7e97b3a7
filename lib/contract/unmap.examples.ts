// Examples of the unmap request and answer for the OpenAPI document (registered in openapi-examples.ts).
import type { z } from "zod";
import { mappingDetailExample } from "./mappings.examples";
import type * as U from "./unmap";
import { unmappedDetailExample } from "./unmapped.examples";

export const unmapMarketExample = {
  reason: "Mapped by mistake from the review queue",
} satisfies z.input<typeof U.unmapMarketSchema>;

/** The mapping was created by mapping this market and named no other: it is deactivated. */
export const unmapResultExample = {
  market: { ...unmappedDetailExample, status: "NEW", version: 5, mappedAt: null, mappingCanonicalId: null },
  mapping: { ...mappingDetailExample, active: false, version: 2 },
  mappingChange: "deactivated",
} satisfies z.input<typeof U.unmapResultSchema>;
