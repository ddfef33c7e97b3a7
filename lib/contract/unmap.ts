// Unmapping a market (issue 13, the review queue's undo of a map): the market goes back to NEW and
// its platform's id leaves the mapping, in one transaction.
import { z } from "zod";
import { reasonTextSchema, requestBody } from "./common";
import { mappingDetailSchema } from "./mappings";
import { unmappedDetailSchema } from "./unmapped";

export const unmapMarketSchema = requestBody("UnmapMarket", {
  reason: reasonTextSchema.optional().describe("Why; kept in the market's and the mapping's history"),
});
export type UnmapMarket = z.infer<typeof unmapMarketSchema>;

const UNMAP_MAPPING_CHANGES = ["cleared", "deactivated", "none"] as const;

export const unmapResultSchema = z
  .object({
    market: unmappedDetailSchema.describe("The market, NEW again"),
    mapping: mappingDetailSchema.describe("The mapping as it now applies (inactive when it was deactivated)"),
    mappingChange: z
      .enum(UNMAP_MAPPING_CHANGES)
      .describe(
        "cleared: the market's platform id and outcome names were removed from the mapping; deactivated: the mapping was created " +
          "by mapping this market and would name no competitor market any more; none: the mapping no longer named the market",
      ),
  })
  .meta({ id: "UnmapResult" });
export type UnmapResult = z.infer<typeof unmapResultSchema>;
