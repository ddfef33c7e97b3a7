// Changes to many markets at once, and undoing any change (single or bulk) by its changeId.
import { z } from "zod";
import {
  changeResultSchema,
  undoResultSchema,
  unmappedFilterShape,
  type BulkSet,
  type ChangeResult,
  type UndoResult,
} from "@/lib/contract/unmapped";
import { apiFetch } from "./fetch";

/** The list's filters as a bulk change's scope: what the list shows over all its pages. */
type UnmappedFilter = z.output<z.ZodObject<typeof unmappedFilterShape>>;

export type BulkScope = { ids: number[] } | { filter: UnmappedFilter };
export type BulkBody = BulkScope & { set: BulkSet; reason?: string };

export const changesApi = {
  /** All or nothing: a refusal (422) names the offending markets and changes none. */
  bulk: (body: BulkBody): Promise<ChangeResult> => apiFetch(changeResultSchema, "/api/unmapped/bulk", { method: "POST", body }),
  undo: (changeId: string): Promise<UndoResult> =>
    apiFetch(undoResultSchema, `/api/changes/${encodeURIComponent(changeId)}/undo`, { method: "POST" }),
};
