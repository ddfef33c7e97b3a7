// Building blocks of the OpenAPI operations (the `*.openapi.ts` files beside each contract area), so
// that each operation states only what is its own: its id, summary, parameters, body and its own
// answers. `operation()` adds the answers every route gives through the one `route()` wrapper
// (server/http/route.ts), so no operation can forget them: 400 where a query or body is parsed,
// 413 and 415 where a body is read, 404 where a path names a resource, 503 with Retry-After (every
// route uses the database), and the access answers: security, x-required-role, 401 and 403 (and
// 429 for tokens) on every route that is not public. `read()`, `history()` and `versionedEdit()`
// are the shapes that recur: a GET for every signed-in caller, a resource's history, a checked edit.
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { auditListSchema, historyQuerySchema } from "./audit";
import { wholeListQuerySchema } from "./cursor";
import type { Role } from "./auth";
import { problemSchema } from "./common";
import { EXAMPLES } from "./openapi-examples";

/** A JSON media type: the schema, with `example`, else the schema's own example (openapi-examples.ts) when it has one. */
const jsonMedia = (schema: z.ZodType, example = EXAMPLES.get(schema)) => ({ schema, ...(example !== undefined && { example }) });

/** A problem+json answer (RFC 9457). */
export const problem = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/** A JSON answer; `headers` as OpenAPI header objects; `example` when not the schema's own. */
export const jsonAnswer = (
  schema: z.ZodType,
  description: string,
  headers?: ZodOpenApiResponseObject["headers"],
  example?: unknown,
): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": jsonMedia(schema, example) },
  ...(headers ? { headers } : {}),
});

/** RFC 8288: the next answer of a list paged by cursor; absent on the last answer and when paging by page/pageSize. */
const linkHeader = {
  Link: {
    description:
      '<path?query>; rel="next": the request\'s own path and query with cursor set to nextCursor (every other parameter kept). Absent at the end and when paging by page/pageSize',
    schema: { type: "string" as const },
  },
};

/** A list's 200: its items and nextCursor, and the Link header to the next answer. */
export const listAnswer = (schema: z.ZodType, description: string) => jsonAnswer(schema, description, linkHeader);

export const etagHeader = {
  ETag: { description: 'The version, quoted ("3"); send it back as If-Match', schema: { type: "string" as const } },
};
const locationHeader = { Location: { description: "Where the created resource lives", schema: { type: "string" as const } } };

/** 201 with Location (the created resource's address) and any further `headers`. */
export const created = (schema: z.ZodType, description: string, headers?: ZodOpenApiResponseObject["headers"]) =>
  jsonAnswer(schema, description, { ...locationHeader, ...headers });

/** The optional If-Match request header of the edits that check versions. */
const ifMatchHeaderSchema = z.object({
  "if-match": z.string().optional().meta({
    description:
      'The ETag from GET ("<version>"): the edit is refused with 412 if the resource changed since; without it the last write wins',
  }),
});

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const, minimum: 1 } },
};

const unavailable: ZodOpenApiResponseObject = {
  ...problem("The database is not answering (unreachable, stalled or timed out); nothing was changed. Try again after Retry-After seconds"),
  headers: retryAfter,
};

/** Who may call an operation: anyone, or at least this role (viewer < triager < admin). */
export type Access = "public" | Role;

/** The two ways to authenticate (components.securitySchemes). */
export const SECURITY_SCHEMES = {
  bearer: { type: "http", scheme: "bearer", description: "An API token (POST /api/tokens): Authorization: Bearer <token>" },
  cookie: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description: "The session cookie set by POST /api/auth/sign-in/email (or /api/setup); writes must come from the app's own origin",
  },
} as const;

type Params = NonNullable<ZodOpenApiOperationObject["requestParams"]>;

/** What an operation says of itself beside its id and summary; `operation()` adds the answers every route gives. */
interface OperationSpec {
  /** What it does beyond its summary: rules, side effects, what the answer holds (Spectral's operation-description). */
  description: string;
  /** The path parameters: a malformed or unknown value is 404. */
  path?: Params["path"];
  query?: Params["query"];
  header?: Params["header"];
  /** The schema of the JSON request body. */
  body?: z.ZodType;
  /** Its own answers by status: what it returns and the refusals that are its own. */
  responses: ZodOpenApiResponsesObject;
}

/** One operation: what `spec` states plus the answers the `route()` wrapper gives on top of it. */
export function operation(
  access: Access,
  operationId: string,
  summary: string,
  { description, path, query, header, body, responses: own }: OperationSpec,
): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = { ...own };
  if (access !== "public") {
    responses["401"] ??= problem("No valid session cookie or bearer token (or the token was revoked, or its owner disabled)");
    responses["403"] ??= problem(`The caller's role is below ${access}, or a cookie write came from another origin`);
    responses["429"] ??= { ...problem("This token has sent API_TOKEN_RATE_PER_MINUTE requests this minute"), headers: retryAfter };
  }
  if (body) responses["415"] ??= problem("The body is not sent as application/json");
  if (query || body) {
    responses["400"] ??= problem(
      "Invalid query or body: errors[] names each field (e.g. query.pageSize, body.notes); text with NUL or unpaired surrogates is refused too",
    );
  }
  if (body) responses["413"] ??= problem("The body is over API_MAX_BODY_BYTES (refused before it is read)");
  if (path) responses["404"] ??= problem("Nothing has this id; a malformed id is 404 too");
  responses["503"] ??= unavailable;
  const requestParams: Params = { ...(path && { path }), ...(query && { query }), ...(header && { header }) };
  const op: ZodOpenApiOperationObject & { "x-required-role": Access } = {
    operationId,
    summary,
    description,
    ...(Object.keys(requestParams).length > 0 && { requestParams }),
    ...(body && { requestBody: { required: true, content: { "application/json": jsonMedia(body) } } }),
    responses,
    security: access === "public" ? [] : [{ bearer: [] }, { cookie: [] }],
    "x-required-role": access,
  };
  return op;
}

/**
 * A GET any signed-in caller may make (most of them): `ok` is its 200 answer, `refusals` the error
 * answers that are its own.
 */
export const read = (
  operationId: string,
  summary: string,
  {
    ok,
    refusals,
    ...spec
  }: Omit<OperationSpec, "body" | "responses"> & { ok: ZodOpenApiResponseObject; refusals?: ZodOpenApiResponsesObject },
) => operation("viewer", operationId, summary, { ...spec, responses: { "200": ok, ...refusals } });

/** How a list that answers whole unless asked to page says so in its description. */
export const WHOLE_UNLESS_PAGED = "All of them unless limit or cursor is sent; then paged by cursor (nextCursor and Link), oldest first.";

/** GET of a list that answers whole unless limit or cursor is sent: `items` is its schema, `answer` what its 200 says. */
export const wholeList = (
  access: Access,
  operationId: string,
  summary: string,
  { items, answer, ...spec }: Pick<OperationSpec, "description"> & { items: z.ZodType; answer: string },
) => operation(access, operationId, summary, { ...spec, query: wholeListQuerySchema, responses: { "200": listAnswer(items, answer) } });

/** DELETE of what `path` names: 204 (`done`: "Deleted", "Revoked"), with `refusals` of its own. */
export const deletion = (
  access: Access,
  operationId: string,
  summary: string,
  {
    done = "Deleted",
    refusals,
    ...spec
  }: Pick<OperationSpec, "description" | "path"> & { done?: string; refusals?: ZodOpenApiResponsesObject },
) => operation(access, operationId, summary, { ...spec, responses: { "204": { description: done }, ...refusals } });

/** A page of audit entries, newest first: the answer of /api/audit and of every resource's history. */
export const historyPage = listAnswer(auditListSchema, "One page of history entries");

/** GET …/history of the resource `path` names: its changes, paged like the audit trail. */
export const history = (operationId: string, summary: string, path: Params["path"]) =>
  read(operationId, summary, {
    description:
      "Every entry was written in the same transaction as its change: who (actorType, actorId, actor as named then), what " +
      "(action, before, after) and why (reason). Newest first, paged like GET /api/audit.",
    path,
    query: historyQuerySchema,
    ok: historyPage,
  });

/**
 * An edit that checks versions (PATCH): If-Match with the ETag from GET, 412 when the `what`
 * changed since, and the edited resource with its new ETag; `responses` adds the edit's own refusals.
 */
export const versionedEdit = (
  access: Access,
  operationId: string,
  summary: string,
  {
    what,
    edited,
    responses,
    ...spec
  }: Omit<OperationSpec, "header" | "responses"> & { what: string; edited: z.ZodType; responses?: ZodOpenApiResponsesObject },
) =>
  operation(access, operationId, summary, {
    ...spec,
    header: ifMatchHeaderSchema,
    responses: {
      "200": jsonAnswer(edited, `The ${what} after the edit`, etagHeader),
      "412": problem(`The ${what} changed since the version sent in If-Match`),
      ...responses,
    },
  });
