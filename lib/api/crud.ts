// A resource the API lists, creates, changes and deletes at one base path (/api/webhooks,
// /api/alert-rules): the same four calls everywhere, each answer parsed with the resource's schema.
import { z } from "zod";
import { apiFetch } from "./fetch";

// DELETE answers 204: nothing to read.
const deletedSchema = z.unknown();

/** The base path's calls; `Create` and `Patch` are the request bodies (the answers come from the schemas). */
export const crudApi =
  <Create, Patch>() =>
  <L extends z.ZodType, C extends z.ZodType, I extends z.ZodType>(base: string, answers: { list: L; created: C; item: I }) => {
    const at = (id: string) => `${base}/${encodeURIComponent(id)}`;
    return {
      /** The address of one of them, for the calls that are the resource's own. */
      at,
      list: (signal?: AbortSignal) => apiFetch(answers.list, base, { signal }),
      create: (body: Create) => apiFetch(answers.created, base, { method: "POST", body }),
      update: (id: string, patch: Patch) => apiFetch(answers.item, at(id), { method: "PATCH", body: patch }),
      remove: (id: string) => apiFetch(deletedSchema, at(id), { method: "DELETE" }),
    };
  };
