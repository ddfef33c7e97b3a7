"use client";
// Previous/next within the list the user came from. The detail URL carries that list's view
// (`from`) and this market's position in it (`pos`); the API returns the rows around that position
// one at a time. If the market has left the list since (it was just triaged out of its tab), the
// row now at its position is the natural "next".
import { keys } from "@/lib/api/keys";
import { unmappedApi } from "@/lib/api/unmapped";
import { useQueries } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { DEFAULT_VIEW, loadUnmappedView, positionQuery, type UnmappedView } from "@/lib/url-state/unmapped-view";
import { detailHref } from "../list/use-unmapped-view";

interface Neighbour {
  id: number;
  name: string;
  href: string;
}

export interface Neighbours {
  listHref: string;
  /** Position (0-based) and list size, when known. */
  position: number | null;
  total: number | undefined;
  /** False when the market no longer belongs to that list. */
  inList: boolean | undefined;
  prev: Neighbour | null;
  next: Neighbour | null;
  /** The rows around the position are still being fetched. */
  loading: boolean;
}

function useOrigin(): { from: string; view: UnmappedView; position: number | null } | null {
  const params = useSearchParams();
  return useMemo(() => {
    const from = params.get("from");
    if (from === null) return null;
    const pos = params.get("pos");
    return { from, view: loadUnmappedView(from), position: pos && /^\d{1,9}$/.test(pos) ? Number(pos) : null };
  }, [params]);
}

export function useNeighbours(id: number): Neighbours {
  const origin = useOrigin();
  const position = origin?.position ?? null;
  const results = useQueries({
    queries: [-1, 0, 1].map((offset) => {
      const at = (position ?? 0) + offset;
      const enabled = origin !== null && position !== null && at >= 0;
      const query = positionQuery(origin?.view ?? DEFAULT_VIEW, Math.max(0, at));
      return {
        // A disabled slot gets a key of its own, never shared with a real position.
        queryKey: enabled ? keys.unmapped.list(query) : ["unmapped", "no-neighbour", offset],
        queryFn: ({ signal }: { signal: AbortSignal }) => unmappedApi.list(query, signal),
        enabled,
      };
    }),
  });

  if (!origin)
    return { listHref: "/unmapped", position: null, total: undefined, inList: undefined, prev: null, next: null, loading: false };
  // Back to the list exactly as it was in the address bar.
  const back = origin.from ? `/unmapped?${origin.from}` : "/unmapped";
  if (position === null)
    return { listHref: back, position: null, total: undefined, inList: undefined, prev: null, next: null, loading: false };

  const [before, here, after] = results.map((r) => r.data);
  const link = (item: { id: number; marketName: string } | undefined, at: number): Neighbour | null =>
    item ? { id: item.id, name: item.marketName, href: detailHref(item.id, origin.from, at) } : null;
  const current = here?.items[0];
  const inList = here ? current?.id === id : undefined;
  return {
    listHref: back,
    position,
    total: here?.total ?? before?.total,
    inList,
    prev: position > 0 ? link(before?.items[0], position - 1) : null,
    next: inList === false ? link(current, position) : link(after?.items[0], position + 1),
    loading: results.some((r) => r.isPending && r.fetchStatus === "fetching"),
  };
}
