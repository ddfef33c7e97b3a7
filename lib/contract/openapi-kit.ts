// Building blocks of the OpenAPI operations (the `*.openapi.ts` files beside each contract area):
// response and body shapes, the path parameters, and `operation()`, which adds the answers every
// route gives through the one `route()` wrapper (server/http/route.ts), so no operation can forget
// them: 400 where a query or body is parsed, 413 and 415 where a body is read, 404 where a path
// names a resource, 503 with Retry-After (every route uses the database), and the access answers:
// security, x-required-role, 401 and 403 (and 429 for tokens) on every route that is not public.
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { auditListSchema, historyQuerySchema } from "./audit";
import type { Role } from "./auth";
import { problemSchema } from "./common";

/** A problem+json answer (RFC 9457). */
export const problem = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/** A JSON answer; `headers` as OpenAPI header objects. */
export const jsonAnswer = (
  schema: z.ZodType,
  description: string,
  headers?: ZodOpenApiResponseObject["headers"],
): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema } },
  ...(headers ? { headers } : {}),
});

export const jsonBody = (schema: z.ZodType, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

export const etagHeader = {
  ETag: { description: 'The version, quoted ("3"); send it back as If-Match', schema: { type: "string" as const } },
};
export const locationHeader = { Location: { description: "Where the created resource lives", schema: { type: "string" as const } } };

/** The optional If-Match request header of the edits that check versions. */
const ifMatchHeaderSchema = z.object({
  "if-match": z.string().optional().meta({
    description:
      'The ETag from GET ("<version>"): the edit is refused with 412 if the resource changed since; without it the last write wins',
  }),
});

const unavailable: ZodOpenApiResponseObject = {
  ...problem("The database is not answering (unreachable, stalled or timed out); nothing was changed. Try again after Retry-After seconds"),
  headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } },
};

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const, minimum: 1 } },
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

/** What every operation says of itself; the common answers are added by `operation()`. */
type OperationSpec = ZodOpenApiOperationObject & { operationId: string; summary: string };

/**
 * One operation with the answers the `route()` wrapper gives on top of its own. Every operation may
 * answer 503: the public ones read the database, the others resolve their caller in it.
 */
export function operation(spec: OperationSpec, { access }: { access: Access }): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = { ...spec.responses };
  if (access !== "public") {
    responses["401"] ??= problem("No valid session cookie or bearer token (or the token was revoked, or its owner disabled)");
    responses["403"] ??= problem(`The caller's role is below ${access}, or a cookie write came from another origin`);
    responses["429"] ??= {
      ...problem("This token has sent API_TOKEN_RATE_PER_MINUTE requests this minute"),
      headers: retryAfter,
    };
  }
  if (spec.requestBody) responses["415"] ??= problem("The body is not sent as application/json");
  if (spec.requestParams?.query || spec.requestBody) {
    responses["400"] ??= problem(
      "Invalid query or body: errors[] names each field (e.g. query.pageSize, body.notes); text with NUL or unpaired surrogates is refused too",
    );
  }
  if (spec.requestBody) responses["413"] ??= problem("The body is over API_MAX_BODY_BYTES (refused before it is read)");
  if (spec.requestParams?.path) responses["404"] ??= problem("Nothing has this id; a malformed id is 404 too");
  responses["503"] ??= unavailable;
  const security: Record<string, string[]>[] = access === "public" ? [] : [{ bearer: [] }, { cookie: [] }];
  const op: ZodOpenApiOperationObject & { "x-required-role": Access } = { ...spec, security, "x-required-role": access, responses };
  return op;
}

type PathParams = NonNullable<NonNullable<ZodOpenApiOperationObject["requestParams"]>["path"]>;

/** A page of audit entries, newest first: the answer of /api/audit and of every resource's history. */
export const historyPage = jsonAnswer(auditListSchema, "One page of history entries");

/** What `operation()` takes beside the spec, passed through by the helpers below. */
type OperationOptions = Parameters<typeof operation>[1];

/** GET …/history of the resource `path` names: its changes, paged like the audit trail. */
export const historyOperation = (operationId: string, summary: string, path: PathParams, options: OperationOptions) =>
  operation({ operationId, summary, requestParams: { path, query: historyQuerySchema }, responses: { "200": historyPage } }, options);

/**
 * An edit that checks versions (PATCH): If-Match with the ETag from GET, 412 when the `what`
 * changed since, and the edited resource with its new ETag; `responses` adds the edit's own refusals.
 */
export function versionedEdit(
  {
    what,
    path,
    body,
    edited,
    responses,
    ...spec
  }: Omit<OperationSpec, "requestParams" | "requestBody"> & { what: string; path: PathParams; body: z.ZodType; edited: z.ZodType },
  options: OperationOptions,
) {
  return operation(
    {
      ...spec,
      requestParams: { path, header: ifMatchHeaderSchema },
      requestBody: jsonBody(body),
      responses: {
        "200": jsonAnswer(edited, `The ${what} after the edit`, etagHeader),
        "412": problem(`The ${what} changed since the version sent in If-Match`),
        ...responses,
      },
    },
    options,
  );
}
