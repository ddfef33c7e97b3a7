// The identity and access operations: who am I, the first admin, API tokens and people. Sign-in,
// sign-out and the session are better-auth's endpoints under /api/auth (see the README).
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { wholeListQuerySchema } from "./cursor";
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
import { created, deletion, jsonAnswer, listAnswer, operation, problem, read, wholeList } from "./openapi-kit";

const setCookie = {
  "Set-Cookie": { description: "The new admin's session cookie (HttpOnly, SameSite=Lax)", schema: { type: "string" as const } },
};

export const authPaths: ZodOpenApiPathsObject = {
  "/api/me": {
    get: read("getMe", "Who the caller is: the signed-in person, or the token and its owner", {
      description: "kind user (session cookie) or token (bearer): role is what the caller may do now; a token's is at most its owner's.",
      ok: jsonAnswer(principalSchema, "The principal"),
    }),
  },
  "/api/setup": {
    get: operation("public", "getSetup", "Whether the first admin still has to be created", {
      description: "Public: the app's pages lead to /setup while it says needsAdmin.",
      responses: { "200": jsonAnswer(setupStateSchema, "needsAdmin is true while no user exists") },
    }),
    post: operation("public", "createFirstAdmin", "Create the first admin and sign them in (only while no user exists)", {
      description:
        "Answers with the new admin's session cookie. Refused (409) as soon as anyone exists, so it works once per installation.",
      body: setupBodySchema,
      responses: {
        "201": jsonAnswer(principalSchema, "Created and signed in", setCookie),
        "403": problem("Sent from another site's page"),
        "409": problem("Someone exists already: sign in instead"),
      },
    }),
  },
  "/api/tokens": {
    get: read("listTokens", "The caller's API tokens (an admin's list has everyone's); never their secrets", {
      description: "start is the token's first characters, to recognise it; lastUsedAt is recorded on use.",
      query: wholeListQuerySchema,
      ok: listAnswer(tokenListSchema, "Newest first"),
    }),
    post: operation(
      "viewer",
      "createToken",
      "Create an API token with a role at most the caller's; the secret is shown only in this answer",
      {
        description:
          "The server keeps only a hash of the secret. expiresAt left out or null: the token does not expire; else it must be in the " +
          "future. Audited as token_created.",
        body: tokenCreateSchema,
        responses: { "201": created(tokenCreatedSchema, "Created; send the token as Authorization: Bearer <token>") },
      },
    ),
  },
  "/api/tokens/{tokenId}": {
    delete: deletion("viewer", "revokeToken", "Revoke a token at once (its sockets are closed); the caller's own, or any for an admin", {
      description: "Takes effect at the token's next request (401) in every process; audited as token_revoked.",
      path: tokenIdParamsSchema,
      done: "Revoked",
    }),
  },
  "/api/users": {
    get: wholeList("admin", "listUsers", "Everyone who can sign in, with role, disabled and last activity", {
      description: "Admins only. lastSeenAt is the latest session activity.",
      items: userListSchema,
      answer: "Oldest first",
    }),
    post: operation("admin", "createUser", "Create a person with a temporary password and a role", {
      description: "There is no email: hand the temporary password over. Audited as user_created.",
      body: userCreateSchema,
      responses: { "201": created(userSchema, "Created"), "409": problem("Someone with this email exists already") },
    }),
  },
  "/api/users/{userId}": {
    patch: operation("admin", "updateUser", "Change a person's role, disable or enable them (at once), or set a new password", {
      description:
        "Fields left out stay as they are. Disabling ends their sessions, refuses their tokens and closes their sockets at once; a " +
        "new password ends their sessions. Each change is audited.",
      path: userIdParamsSchema,
      body: userPatchSchema,
      responses: {
        "200": jsonAnswer(userSchema, "The person as they are now"),
        "409": problem("The change would leave no active admin"),
      },
    }),
  },
};
