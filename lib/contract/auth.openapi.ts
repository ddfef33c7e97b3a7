// The identity and access operations: who am I, the first admin, API tokens and people. Sign-in,
// sign-out and the session are better-auth's endpoints under /api/auth (see the README).
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  principalSchema,
  setupBodySchema,
  setupStateSchema,
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenIdParamsSchema,
  tokenListSchema,
  userCreateSchema,
  userIdParamsSchema,
  userListSchema,
  userPatchSchema,
  userSchema,
} from "./auth";
import { jsonAnswer, jsonBody, locationHeader, operation, problem } from "./openapi-kit";

const setCookie = {
  "Set-Cookie": { description: "The new admin's session cookie (HttpOnly, SameSite=Lax)", schema: { type: "string" as const } },
};

export const authPaths: ZodOpenApiPathsObject = {
  "/api/me": {
    get: operation(
      {
        operationId: "getMe",
        summary: "Who the caller is: the signed-in person, or the token and its owner",
        responses: { "200": jsonAnswer(principalSchema, "The principal") },
      },
      { access: "viewer" },
    ),
  },
  "/api/setup": {
    get: operation(
      {
        operationId: "getSetup",
        summary: "Whether the first admin still has to be created",
        responses: { "200": jsonAnswer(setupStateSchema, "needsAdmin is true while no user exists") },
      },
      { access: "public" },
    ),
    post: operation(
      {
        operationId: "createFirstAdmin",
        summary: "Create the first admin and sign them in (only while no user exists)",
        requestBody: jsonBody(setupBodySchema),
        responses: {
          "201": jsonAnswer(principalSchema, "Created and signed in", setCookie),
          "403": problem("Sent from another site's page"),
          "409": problem("Someone exists already: sign in instead"),
        },
      },
      { access: "public" },
    ),
  },
  "/api/tokens": {
    get: operation(
      {
        operationId: "listTokens",
        summary: "The caller's API tokens (an admin's list has everyone's); never their secrets",
        responses: { "200": jsonAnswer(tokenListSchema, "Newest first") },
      },
      { access: "viewer" },
    ),
    post: operation(
      {
        operationId: "createToken",
        summary: "Create an API token with a role at most the caller's; the secret is shown only in this answer",
        requestBody: jsonBody(tokenCreateSchema),
        responses: {
          "201": jsonAnswer(tokenCreatedSchema, "Created; send the token as Authorization: Bearer <token>", locationHeader),
        },
      },
      { access: "viewer" },
    ),
  },
  "/api/tokens/{tokenId}": {
    delete: operation(
      {
        operationId: "revokeToken",
        summary: "Revoke a token at once (its sockets are closed); the caller's own, or any for an admin",
        requestParams: { path: tokenIdParamsSchema },
        responses: { "204": { description: "Revoked" } },
      },
      { access: "viewer" },
    ),
  },
  "/api/users": {
    get: operation(
      {
        operationId: "listUsers",
        summary: "Everyone who can sign in, with role, disabled and last activity",
        responses: { "200": jsonAnswer(userListSchema, "Oldest first") },
      },
      { access: "admin" },
    ),
    post: operation(
      {
        operationId: "createUser",
        summary: "Create a person with a temporary password and a role",
        requestBody: jsonBody(userCreateSchema),
        responses: {
          "201": jsonAnswer(userSchema, "Created", locationHeader),
          "409": problem("Someone with this email exists already"),
        },
      },
      { access: "admin" },
    ),
  },
  "/api/users/{userId}": {
    patch: operation(
      {
        operationId: "updateUser",
        summary: "Change a person's role, disable or enable them (at once), or set a new password",
        requestParams: { path: userIdParamsSchema },
        requestBody: jsonBody(userPatchSchema),
        responses: {
          "200": jsonAnswer(userSchema, "The person as they are now"),
          "409": problem("The change would leave no active admin"),
        },
      },
      { access: "admin" },
    ),
  },
};
