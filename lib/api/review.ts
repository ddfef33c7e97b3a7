// The review queue's requests beyond the list, detail and candidates it shares with the other pages:
// the price check of a candidate before accepting it, and unmapping (the undo of a map).
import type { MapMarket } from "@/lib/contract/mappings";
import { mapCheckSchema, type MapCheck } from "@/lib/contract/price-check";
import { unmapResultSchema, type UnmapMarket, type UnmapResult } from "@/lib/contract/unmap";
import { apiFetch } from "./fetch";

export const reviewApi = {
  /** Changes nothing: the verdict of the prices for this mapping, and its dry run. */
  check: (id: number, body: MapMarket): Promise<MapCheck> =>
    apiFetch(mapCheckSchema, `/api/unmapped/${id}/map/check`, { method: "POST", body }),
  /** The market NEW again and its platform out of the mapping, in one transaction. */
  unmap: (id: number, body: UnmapMarket = {}): Promise<UnmapResult> =>
    apiFetch(unmapResultSchema, `/api/unmapped/${id}/unmap`, { method: "POST", body }),
};
