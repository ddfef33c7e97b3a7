// People (admin only) and API tokens (own; admins all).
import { queryOptions } from "@tanstack/react-query";
import {
  tokenCreatedSchema,
  tokenListSchema,
  userListSchema,
  userSchema,
  type ApiTokenCreate,
  type UserCreate,
  type UserPatch,
} from "@/lib/contract/auth";
import { z } from "zod";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

const seg = encodeURIComponent;

export const usersApi = {
  list: (signal?: AbortSignal) => apiFetch(userListSchema, "/api/users", { signal }),
  create: (body: UserCreate) => apiFetch(userSchema, "/api/users", { method: "POST", body }),
  update: (userId: string, patch: UserPatch) => apiFetch(userSchema, `/api/users/${seg(userId)}`, { method: "PATCH", body: patch }),
};

// DELETE answers 204 or a small JSON body; either way nothing in it is needed.
const revokedSchema = z.unknown();

export const tokensApi = {
  list: (signal?: AbortSignal) => apiFetch(tokenListSchema, "/api/tokens", { signal }),
  create: (body: ApiTokenCreate) => apiFetch(tokenCreatedSchema, "/api/tokens", { method: "POST", body }),
  revoke: (tokenId: string) => apiFetch(revokedSchema, `/api/tokens/${seg(tokenId)}`, { method: "DELETE" }),
};

export const peopleQueries = {
  users: () => queryOptions({ queryKey: keys.users.all, queryFn: ({ signal }) => usersApi.list(signal) }),
  tokens: () => queryOptions({ queryKey: keys.tokens.all, queryFn: ({ signal }) => tokensApi.list(signal) }),
};
