// Examples of the identity and access bodies and answers for the OpenAPI document: openapi-examples.ts puts each
// on the media type of its schema. Typed with the schemas' types here, and parsed by the schemas in
// openapi.test.ts (formats, lengths, refinements), so none drifts from what the API accepts and sends.
import type { z } from "zod";
import type * as Au from "./auth";
import { personExample } from "./unmapped.examples";

export const principalExample = {
  kind: "token",
  userId: personExample.id,
  name: "Trading desk sync",
  email: null,
  role: "triager",
  tokenId: "Tq8vN3xK5mZr1cLp7bWy2dHs",
} satisfies z.input<typeof Au.principalSchema>;

export const setupStateExample = { needsAdmin: true } satisfies z.input<typeof Au.setupStateSchema>;

export const setupBodyExample = {
  name: "Bola Adeyemi",
  email: "bola.adeyemi@example.com",
  password: "correct horse battery staple",
} satisfies z.input<typeof Au.setupBodySchema>;

export const userExample = {
  id: personExample.id,
  name: personExample.name,
  email: "ada.okafor@example.com",
  role: "triager",
  disabled: false,
  createdAt: "2026-11-28T10:31:55.204Z",
  lastSeenAt: "2026-12-06T09:14:03.512Z",
} satisfies z.input<typeof Au.userSchema>;

export const userListExample = {
  items: [
    { ...userExample, id: "m2Qe7WcT0aKz5LbN9yHs3pFv", name: "Bola Adeyemi", email: "bola.adeyemi@example.com", role: "admin" },
    userExample,
  ],
  nextCursor: null,
} satisfies z.input<typeof Au.userListSchema>;

export const userCreateExample = {
  name: personExample.name,
  email: "ada.okafor@example.com",
  role: "triager",
  password: "temporary-Kp4x9Lw2",
} satisfies z.input<typeof Au.userCreateSchema>;

export const userPatchExample = { role: "admin" } satisfies z.input<typeof Au.userPatchSchema>;

const tokenExample = {
  id: principalExample.tokenId,
  name: principalExample.name,
  role: "triager",
  start: "mt_Hq4",
  ownerId: personExample.id,
  ownerName: personExample.name,
  createdAt: "2026-12-01T12:00:41.990Z",
  expiresAt: "2027-03-01T00:00:00.000Z",
  lastUsedAt: "2026-12-06T09:10:00.231Z",
} satisfies Au.ApiToken;

export const tokenListExample = { items: [tokenExample], nextCursor: null } satisfies z.input<typeof Au.tokenListSchema>;

/** No expiresAt: the token does not expire (null and left out mean the same). */
export const tokenCreateExample = { name: "Trading desk sync", role: "triager" } satisfies z.input<typeof Au.tokenCreateSchema>;

export const tokenCreatedExample = {
  id: tokenExample.id,
  name: tokenCreateExample.name,
  role: "triager",
  token: "mt_Hq4sB8vKc2nWz7xLp0rTy5mEa9dGf3jUk6oPi1wQe4rTy8uIo2pAs5dFg7hJk9lZxCv3bNm",
  createdAt: "2026-12-06T09:30:12.004Z",
  expiresAt: null,
} satisfies z.input<typeof Au.tokenCreatedSchema>;
