// The unmap operation: the undo of POST /api/unmapped/{id}/map.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { idParamsSchema } from "./common";
import { jsonAnswer, operation, problem } from "./openapi-kit";
import { unmapMarketSchema, unmapResultSchema } from "./unmap";

export const unmapPaths: ZodOpenApiPathsObject = {
  "/api/unmapped/{id}/unmap": {
    post: operation("triager", "unmapMarket", "Unmap a MAPPED market: the undo of mapping it", {
      description:
        "In one transaction: the market's platform id and that platform's outcome names leave the mapping that maps it (saved as " +
        "a user entry, audited), or, when that mapping was created by mapping this market and would name no competitor market " +
        "any more, the mapping is deactivated; the market goes back to NEW (mappedAt and mappingCanonicalId cleared), audited as " +
        "unmapped with the reason. The scraper counts the market as unmapped from its next lookup. Broadcast as unmapped_updated.",
      path: idParamsSchema,
      body: unmapMarketSchema,
      responses: {
        "200": jsonAnswer(unmapResultSchema, "The market (NEW) and the mapping as it now applies"),
        "409": problem(
          "The market is not MAPPED, or its mapping would name no competitor market and was not created by mapping it (holder names it)",
        ),
      },
    }),
  },
};
