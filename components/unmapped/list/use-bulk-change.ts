"use client";
// A change to several markets at once (POST /api/unmapped/bulk): the checked rows, or every market
// the filters match. All or nothing: a refusal changes none and names the offending markets. Its
// toast offers Undo, as every change does.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changesApi, type BulkScope } from "@/lib/api/changes";
import { keys } from "@/lib/api/keys";
import type { BulkSet } from "@/lib/contract/unmapped";
import { useUndo } from "@/components/triage/use-undo";
import { plural } from "@/components/ui/format";

export interface BulkChange {
  scope: BulkScope;
  set: BulkSet;
  reason?: string;
  /** What the change does, after the count: "ignored", "assigned to Ada". */
  words: string;
  /** One market: its name says more than "1 market". */
  name?: string;
}

export function useBulkChange(onDone: () => void) {
  const client = useQueryClient();
  const { announce } = useUndo();
  return useMutation({
    mutationFn: ({ scope, set, reason }: BulkChange) => changesApi.bulk({ ...scope, set, ...(reason ? { reason } : {}) }),
    onSuccess: ({ changeId, count }, { words, name }) => {
      const what = name && count === 1 ? `“${name}”` : plural(count, "market");
      announce(changeId, `${what} ${words}`);
      onDone();
    },
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: keys.unmapped.all }), client.invalidateQueries({ queryKey: keys.views.all })]),
  });
}
