// The activity timeline needs no entry of its own in the realtime table: it lives under the
// market's history key, which every unmapped_updated message (comments included) refreshes.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keys } from "@/lib/api/keys";
import { INVALIDATION } from "@/components/realtime/invalidation";

describe("the activity timeline and realtime", () => {
  it("a comment, assignee or snooze change refreshes the market's timeline, and only that market's", async () => {
    for (const changed of [["comments"], ["assignee"], ["snooze"]] as const) {
      const client = new QueryClient();
      client.setQueryData(keys.unmapped.activity(5), { pages: [], pageParams: [] });
      client.setQueryData(keys.unmapped.activity(6), { pages: [], pageParams: [] });
      const filters = INVALIDATION.unmapped_updated({
        type: "unmapped_updated",
        timestamp: "2026-12-06T10:00:00.000Z",
        data: { id: 5, version: 1, changed: [...changed] },
      });
      await Promise.all(filters.map((f) => client.invalidateQueries({ ...f, refetchType: "none" })));
      const invalidated = (id: number) => client.getQueryCache().find({ queryKey: keys.unmapped.activity(id) })?.state.isInvalidated;
      expect(invalidated(5), changed[0]).toBe(true);
      expect(invalidated(6), changed[0]).toBe(false);
    }
  });
});
