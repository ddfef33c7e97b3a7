// Saved views of the triage list (personal and shared) and the people a market can be assigned to.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  peopleSchema,
  savedViewListSchema,
  savedViewSchema,
  type SavedView,
  type SavedViewCreate,
  type SavedViewPatch,
} from "@/lib/contract/views";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

// DELETE answers 204: nothing in it is needed.
const deletedSchema = z.unknown();

export const viewsApi = {
  list: (signal?: AbortSignal) => apiFetch(savedViewListSchema, "/api/views", { signal }),
  create: (body: SavedViewCreate): Promise<SavedView> => apiFetch(savedViewSchema, "/api/views", { method: "POST", body }),
  update: (id: number, patch: SavedViewPatch): Promise<SavedView> =>
    apiFetch(savedViewSchema, `/api/views/${id}`, { method: "PATCH", body: patch }),
  remove: (id: number) => apiFetch(deletedSchema, `/api/views/${id}`, { method: "DELETE" }),
};

const peopleApi = {
  list: (signal?: AbortSignal) => apiFetch(peopleSchema, "/api/people", { signal }),
};

export const viewQueries = {
  list: () => queryOptions({ queryKey: keys.views.all, queryFn: ({ signal }) => viewsApi.list(signal) }),
  // People change rarely (an admin adds someone): a picker need not refetch on every open.
  people: () => queryOptions({ queryKey: keys.people.all, queryFn: ({ signal }) => peopleApi.list(signal), staleTime: 60_000 }),
};
