"use client";
// The live price check of the editor's draft: the /map body (without reason and override) posted to
// /map/check once the draft has rested ~400 ms, through react-query, the previous answer kept
// while the next one loads so the panel does not flicker.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { unmappedQueries } from "@/lib/api/unmapped";
import type { MapMarket } from "@/lib/contract/mappings";
import { checkBodyOf } from "./price-check";

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

const CHECK_DEBOUNCE_MS = 400;

export function usePriceCheck(marketId: number, body: MapMarket | null, enabled: boolean) {
  // Debounced as JSON: the body is a new object on every render, its text only changes with the draft.
  const json = JSON.stringify(checkBodyOf(body));
  const settled = useDebounced(json, CHECK_DEBOUNCE_MS);
  const checked = useMemo(() => JSON.parse(settled) as MapMarket | null, [settled]);
  const query = useQuery({
    ...unmappedQueries.check(marketId, checked ?? { canonicalId: "", outcomes: [] }),
    enabled: enabled && checked !== null,
    placeholderData: keepPreviousData,
  });
  const hasBody = checked !== null && body !== null;
  return {
    query,
    hasBody,
    /** The draft changed since the body being checked. */
    stale: json !== settled,
    suspicious: hasBody && query.data?.verdict === "suspicious",
  };
}
