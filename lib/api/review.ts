// The review queue's request beyond those it shares with the other pages (list, detail, candidates,
// the price check and map in lib/api/unmapped.ts): unmapping, the undo of a map.
import { unmapResultSchema, type UnmapMarket, type UnmapResult } from "@/lib/contract/unmap";
import { apiFetch } from "./fetch";

export const reviewApi = {
  /** The market NEW again and its platform out of the mapping, in one transaction. */
  unmap: (id: number, body: UnmapMarket = {}): Promise<UnmapResult> =>
    apiFetch(unmapResultSchema, `/api/unmapped/${id}/unmap`, { method: "POST", body }),
};
