// The OpenAPI 3.1 document, generated (zod-openapi) from the same zod schemas the route handlers
// parse with. Each area describes its operations beside its contract (`*.openapi.ts`); schemas
// with a `.meta({ id })` become `$ref` components. The custom server's request gate derives its
// route table from `paths` (server/http/api-gate.ts), so an undocumented route cannot be reached.
import { createDocument, type ZodOpenApiObject } from "zod-openapi";
import { authPaths } from "./auth.openapi";
import { changesPaths } from "./changes.openapi";
import { commentsPaths } from "./comments.openapi";
import { mappingsPaths } from "./mappings.openapi";
import { SECURITY_SCHEMES } from "./openapi-kit";
import { scrapePaths } from "./scrape.openapi";
import { systemPaths } from "./system.openapi";
import { unmappedPaths } from "./unmapped.openapi";
import { viewsPaths } from "./views.openapi";
import { webhookEvents, webhooksPaths } from "./webhooks.openapi";

const DOCUMENT: ZodOpenApiObject = {
  openapi: "3.1.0",
  info: {
    title: "Market Triage API",
    version: "1.0.0",
    description:
      "Unmapped competitor markets found by the scrape jobs, and their triage. JSON is camelCase; timestamps are ISO 8601 UTC " +
      "with Z. occurrenceCount counts sightings: one per market instance (one market with one line, e.g. Over/Under 2.5) " +
      "per event snapshot. Errors are RFC 9457 problem+json. Realtime messages (Socket.IO, path /socket.io, topics " +
      "unmapped_alerts, scrape_progress and unmapped_updates) are described in the README. A path no route serves is 404, a method a route " +
      "does not serve is 405 with Allow, and text with NUL or unpaired surrogates is 400, all as problem+json. " +
      "Every operation names its x-required-role: public, or viewer < triager < admin. Authenticate with the session cookie " +
      "(POST /api/auth/sign-in/email { email, password }; better-auth's endpoints under /api/auth are not listed here) or an API " +
      "token (Authorization: Bearer <token>). A request for a host outside PUBLIC_URL/ALLOWED_HOSTS is 421.",
  },
  components: { securitySchemes: SECURITY_SCHEMES },
  paths: {
    ...unmappedPaths,
    ...changesPaths,
    ...commentsPaths,
    ...viewsPaths,
    ...mappingsPaths,
    ...scrapePaths,
    ...systemPaths,
    ...authPaths,
    ...webhooksPaths,
  },
  webhooks: webhookEvents,
};

let built: ReturnType<typeof createDocument> | undefined;

/** The document, built once per module graph (it does not change while the process runs). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  built ??= createDocument(DOCUMENT);
  return built;
}
