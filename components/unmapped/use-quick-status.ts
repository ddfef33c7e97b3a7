"use client";
// Status changes straight from the list (keys a and i, row buttons). List items carry no version,
// so the market is read first: if its status is no longer what the row showed, someone else got
// there first and nothing is overwritten; otherwise the change is sent with If-Match. Its toast
// offers Undo (POST /api/changes/{id}/undo), as every change does.
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { unmappedApi, unmappedQueries } from "@/lib/api/unmapped";
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { toast } from "sonner";
import type { TriageStatus } from "@/lib/contract/enums";
import type { UnmappedEdited, UnmappedItem } from "@/lib/contract/unmapped";
import { useUndo } from "@/components/triage/use-undo";
import { restoreLists, setStatusInLists, type ListSnapshot } from "./cache-updates";
import { STATUS_LABEL } from "./labels";

/** A status a person can set: Mapped only comes from mapping the market. */
export type SettableStatus = Exclude<TriageStatus, "MAPPED">;

export interface QuickStatus {
  item: UnmappedItem;
  status: SettableStatus;
}

const VERB: Record<SettableStatus, string> = {
  NEW: "Moved back to New",
  ACKNOWLEDGED: "Acknowledged",
  IGNORED: "Ignored",
};

export function useQuickStatus(): UseMutationResult<UnmappedEdited, Error, QuickStatus, ListSnapshot> {
  const client = useQueryClient();
  const { announce } = useUndo();
  return useMutation<UnmappedEdited, Error, QuickStatus, ListSnapshot>({
    mutationFn: async ({ item, status }: QuickStatus) => {
      const current = await client.fetchQuery({
        ...unmappedQueries.detail(item.id),
        staleTime: 0,
      });
      if (current.status !== item.status) {
        throw new Error(`Someone else already set it to ${STATUS_LABEL[current.status]}; the list has been refreshed.`);
      }
      return unmappedApi.update(item.id, { status }, current.version);
    },
    onMutate: ({ item, status }) => setStatusInLists(client, item.id, status),
    onError: (error, { item }, snapshot) => {
      restoreLists(client, snapshot);
      toast.error(`Could not update “${item.marketName}”`, { id: `status-${item.id}`, description: errorMessage(error) });
    },
    onSuccess: ({ changeId, ...detail }, { item, status }) => {
      client.setQueryData(keys.unmapped.detail(item.id), detail);
      announce(changeId, `${VERB[status]}: ${item.marketName}`);
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.unmapped.all }),
  });
}
