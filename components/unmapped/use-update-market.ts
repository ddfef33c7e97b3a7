"use client";
// Status and notes edits on the market page: optimistic, rolled back on failure, sent with the
// version on screen as If-Match so a change made elsewhere is never silently overwritten (412).
// Edits of one market run one after another, each with the version the previous one returned.
// Each answer carries the change's id: the page's toast offers to undo it.
import { keys } from "@/lib/api/keys";
import { unmappedApi } from "@/lib/api/unmapped";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UnmappedDetail, UnmappedEdited, UnmappedPatch } from "@/lib/contract/unmapped";
import { restoreLists, setStatusInLists, type ListSnapshot } from "./cache-updates";

interface Context {
  previous: UnmappedDetail | undefined;
  lists: ListSnapshot;
}

export function useUpdateMarket(id: number) {
  const client = useQueryClient();
  const key = keys.unmapped.detail(id);
  const mutationKey = ["unmapped", "update", id];

  return useMutation<UnmappedEdited, Error, UnmappedPatch, Context>({
    mutationKey,
    scope: { id: `unmapped-${id}` },
    mutationFn: (patch) => {
      const current = client.getQueryData<UnmappedDetail>(key);
      if (!current) throw new Error("The market has not loaded yet; try again in a moment.");
      return unmappedApi.update(id, patch, current.version);
    },
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<UnmappedDetail>(key);
      if (previous) {
        client.setQueryData<UnmappedDetail>(key, {
          ...previous,
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        });
      }
      const lists = patch.status !== undefined ? await setStatusInLists(client, id, patch.status) : [];
      return { previous, lists };
    },
    onError: (_error, _patch, context) => {
      const previous = context?.previous;
      // The snapshot may predate a queued edit that has since succeeded: keep the newer version.
      if (previous)
        client.setQueryData<UnmappedDetail>(key, (now) =>
          now && now.version > previous.version ? { ...previous, version: now.version, updatedAt: now.updatedAt } : previous,
        );
      restoreLists(client, context?.lists);
    },
    onSuccess: ({ changeId: _changeId, ...detail }) => {
      // An edit still queued behind this one keeps its optimistic fields; only the version moves on.
      const queued = client.isMutating({ mutationKey }) > 1;
      client.setQueryData<UnmappedDetail>(key, (old) =>
        queued && old ? { ...old, version: detail.version, updatedAt: detail.updatedAt } : detail,
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.unmapped.lists }),
  });
}
