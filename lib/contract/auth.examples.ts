// Examples of the identity and access bodies and answers, for the OpenAPI document (`.meta({ examples })`
// on each schema in auth.ts); parsed by its own schema in openapi.test.ts, so none drifts from what the API accepts and sends.
import { personExample } from "./unmapped.examples";

export const principalExample = {
  kind: "token",
  userId: personExample.id,
  name: "Trading desk sync",
  email: null,
  role: "triager",
  tokenId: "Tq8vN3xK5mZr1cLp7bWy2dHs",
};

export const setupStateExample = { needsAdmin: true };

export const setupBodyExample = {
  name: "Bola Adeyemi",
  email: "bola.adeyemi@example.com",
  password: "correct horse battery staple",
};

export const userExample = {
  id: personExample.id,
  name: personExample.name,
  email: "ada.okafor@example.com",
  role: "triager",
  disabled: false,
  createdAt: "2026-11-28T10:31:55.204Z",
  lastSeenAt: "2026-12-06T09:14:03.512Z",
};

export const userListExample = {
  items: [
    { ...userExample, id: "m2Qe7WcT0aKz5LbN9yHs3pFv", name: "Bola Adeyemi", email: "bola.adeyemi@example.com", role: "admin" },
    userExample,
  ],
};

export const userCreateExample = {
  name: personExample.name,
  email: "ada.okafor@example.com",
  role: "triager",
  password: "temporary-Kp4x9Lw2",
};

export const userPatchExample = { role: "admin" };

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
};

export const tokenListExample = { items: [tokenExample] };

/** No expiresAt: the token does not expire (null and left out mean the same). */
export const tokenCreateExample = { name: "Trading desk sync", role: "triager" };

export const tokenCreatedExample = {
  id: tokenExample.id,
  name: tokenCreateExample.name,
  role: "triager",
  token: "mt_Hq4sB8vKc2nWz7xLp0rTy5mEa9dGf3jUk6oPi1wQe4rTy8uIo2pAs5dFg7hJk9lZxCv3bNm",
  createdAt: "2026-12-06T09:30:12.004Z",
  expiresAt: null,
};
