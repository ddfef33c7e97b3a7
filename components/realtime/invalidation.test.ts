import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { keys } from "@/lib/api/keys";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { coalescingInvalidator, INVALIDATION } from "./invalidation";

const envelope = <T>(data: T) => ({ timestamp: "2026-11-26T10:00:00.000Z", data });

afterEach(() => vi.useRealTimers());

describe("the invalidation table", () => {
  it("a finished run refreshes its record, the markets and the dashboard (its rules' firings too); progress alone refreshes nothing", () => {
    const progress = (phase: "scraping" | "completed") =>
      INVALIDATION.scrape_progress({ type: "scrape_progress", ...envelope({ runId: 7, phase, current: 1, total: 2, message: "" }) });
    expect(progress("scraping")).toEqual([]);
    expect(progress("completed").map((f) => f.queryKey)).toEqual([
      keys.scrape.run(7),
      keys.unmapped.all,
      keys.stats.all,
      keys.audit.all,
      keys.alertRules.firings,
    ]);
  });

  it("someone else's change refreshes the market's page unless it already shows that version", () => {
    const client = new QueryClient();
    client.setQueryData(keys.unmapped.detail(5), { id: 5, version: 3 } as UnmappedDetail);
    client.setQueryData(keys.unmapped.detail(6), { id: 6, version: 1 } as UnmappedDetail);
    const stale = (id: number, version: number) => {
      const [detail] = INVALIDATION.unmapped_updated({
        type: "unmapped_updated",
        ...envelope({ id, version, changed: ["status" as const] }),
      });
      const query = client.getQueryCache().find({ queryKey: keys.unmapped.detail(id) });
      return query ? (detail.predicate?.(query) ?? true) : null;
    };
    expect(stale(5, 3)).toBe(false);
    expect(stale(6, 2)).toBe(true);
  });

  it("a bulk change or its undo refreshes every market query and the saved views' counts", () => {
    const filters = INVALIDATION.unmapped_bulk_updated({
      type: "unmapped_bulk_updated",
      ...envelope({ changeId: "6f1c1f9e-4a53-4b43-9d7e-0d6f3f1b2c3d", undo: true, count: 3, ids: [1, 2, 3] }),
    });
    expect(filters.map((f) => f.queryKey)).toEqual([keys.unmapped.all, keys.views.all, keys.stats.all, keys.audit.all]);
  });
});

describe("coalescingInvalidator", () => {
  it("refreshes the first message of a burst at once and the rest once per window", () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries").mockResolvedValue();
    const invalidator = coalescingInvalidator(client, 1000);
    invalidator.add([{ queryKey: keys.unmapped.all }]);
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) invalidator.add([{ queryKey: keys.unmapped.all }, { queryKey: keys.stats.all }]);
    expect(spy).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(spy.mock.calls.slice(1).map(([f]) => f?.queryKey)).toEqual([keys.unmapped.all, keys.stats.all]);
    vi.advanceTimersByTime(1000);
    invalidator.add([{ queryKey: keys.audit.all }]);
    expect(spy).toHaveBeenCalledTimes(4);
    invalidator.cancel();
  });
});
