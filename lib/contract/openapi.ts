// The OpenAPI 3.1 document, generated (zod-openapi) from the same zod schemas the route handlers
// parse with. Each area describes its operations beside its contract (`*.openapi.ts`); schemas
// with a `.meta({ id })` become `$ref` components. The custom server's request gate derives its
// route table from `paths` (server/http/api-gate.ts), so an undocumented route cannot be reached.
import { createDocument, type ZodOpenApiObject, type ZodOpenApiPathsObject } from "zod-openapi";
import packageJson from "../../package.json";
import { alertRulesPaths } from "./alert-rules.openapi";
import { authPaths } from "./auth.openapi";
import { changesPaths } from "./changes.openapi";
import { coveragePaths } from "./coverage.openapi";
import { commentsPaths } from "./comments.openapi";
import { mappingsPaths } from "./mappings.openapi";
import { SECURITY_SCHEMES } from "./openapi-kit";
import { scrapePaths } from "./scrape.openapi";
import { systemPaths } from "./system.openapi";
import { unmappedPaths } from "./unmapped.openapi";
import { unmapPaths } from "./unmap.openapi";
import { viewsPaths } from "./views.openapi";
import { webhookEvents, webhooksPaths } from "./webhooks.openapi";

/** The document's tags, each with what its operations are about; every operation carries one. */
const TAGS = {
  unmapped: {
    name: "Unmapped markets",
    description:
      "The markets no mapping covers: the triage list with its filters, one market with its samples, lines and impact, its " +
      "triage edit (status, notes, assignee, snooze), bulk changes and their undo, its trend, candidates and mapping it.",
  },
  collaboration: {
    name: "Collaboration",
    description: "Comments on a market and its activity timeline, saved views of the list (personal or shared), and the people to assign.",
  },
  mappings: {
    name: "Mappings",
    description:
      "The mappings the scraper looks markets up in: the built-in catalog and the team's own entries, with their history, and the " +
      "coverage watch's alerts (a mapped market a platform stopped offering, or whose outcome names changed).",
  },
  scrapes: { name: "Scrapes", description: "Starting a scrape run and reading the runs with their per-platform figures." },
  system: { name: "System", description: "The audit trail, counts and coverage, health, and this document." },
  integrations: {
    name: "Integrations",
    description:
      "Webhook endpoints: signed deliveries (Standard Webhooks) of the events below, retried from a durable outbox, with their delivery log.",
  },
  alertRules: {
    name: "Alert rules",
    description:
      "Which announced markets (new, regressed, unsnoozed, escalating) notify, where (a toast, a webhook endpoint, a chat incoming webhook) " +
      "and at most how often, and each rule's latest notification.",
  },
  access: {
    name: "Access",
    description: "Who the caller is, the first admin, API tokens and people (sign-in itself is better-auth's, under /api/auth).",
  },
} as const;

/** `paths` with `tag` on each of their operations. */
function tagged(tag: { name: string }, paths: ZodOpenApiPathsObject): ZodOpenApiPathsObject {
  const METHODS = ["get", "put", "post", "patch", "delete"] as const;
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, op]) => [key, (METHODS as readonly string[]).includes(key) ? { ...op, tags: [tag.name] } : op]),
      ),
    ]),
  );
}

const DOCUMENT: ZodOpenApiObject = {
  openapi: "3.1.0",
  info: {
    title: "Market Triage API",
    version: packageJson.version,
    description:
      "Unmapped competitor markets found by the scrape jobs, and their triage. JSON is camelCase; timestamps are ISO 8601 UTC " +
      "with Z. occurrenceCount counts sightings: one per market instance (one market with one line, e.g. Over/Under 2.5) " +
      "per event snapshot. Errors are RFC 9457 problem+json. Realtime messages (Socket.IO, path /socket.io, topics " +
      "unmapped_alerts, scrape_progress, unmapped_updates and coverage_alerts) are described in the README. A path no route serves is 404, a method a route " +
      "does not serve is 405 with Allow, and text with NUL or unpaired surrogates is 400, all as problem+json. " +
      "Every operation names its x-required-role: public, or viewer < triager < admin. Authenticate with the session cookie " +
      "(POST /api/auth/sign-in/email { email, password }; better-auth's endpoints under /api/auth are not listed here) or an API " +
      "token (Authorization: Bearer <token>). A request for a host outside PUBLIC_URL/ALLOWED_HOSTS is 421.",
  },
  servers: [
    {
      url: "{origin}",
      description: "The app's address: PUBLIC_URL where it is set, else http://HOST:PORT (the API is under /api on the same origin)",
      variables: { origin: { default: "http://127.0.0.1:3000", description: "Scheme, host and port, no trailing slash" } },
    },
  ],
  tags: Object.values(TAGS),
  components: { securitySchemes: SECURITY_SCHEMES },
  paths: {
    ...tagged(TAGS.unmapped, unmappedPaths),
    ...tagged(TAGS.unmapped, unmapPaths),
    ...tagged(TAGS.unmapped, changesPaths),
    ...tagged(TAGS.collaboration, commentsPaths),
    ...tagged(TAGS.collaboration, viewsPaths),
    ...tagged(TAGS.mappings, mappingsPaths),
    ...tagged(TAGS.mappings, coveragePaths),
    ...tagged(TAGS.scrapes, scrapePaths),
    ...tagged(TAGS.system, systemPaths),
    ...tagged(TAGS.access, authPaths),
    ...tagged(TAGS.integrations, webhooksPaths),
    ...tagged(TAGS.alertRules, alertRulesPaths),
  },
  webhooks: webhookEvents,
};

let built: ReturnType<typeof createDocument> | undefined;

/** The document, built once per module graph (it does not change while the process runs). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  built ??= createDocument(DOCUMENT);
  return built;
}
