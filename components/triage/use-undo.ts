"use client";
// Every change made in this tab (a single edit or a bulk change) can be undone: from the toast
// that announces it, or with `z` for the latest one. The latest change is module state: one per
// tab, and it survives moving between the list and a market page.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "sonner";
import { changesApi } from "@/lib/api/changes";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { showChangeToast, showUndoResult } from "./undo-toast";

interface Change {
  changeId: string;
  /** What the change did, e.g. "3 markets ignored". */
  label: string;
}

let latest: Change | null = null;

async function undoChange(client: QueryClient, change: Change): Promise<void> {
  if (latest?.changeId === change.changeId) latest = null;
  try {
    showUndoResult(await changesApi.undo(change.changeId), change.label);
  } catch (e) {
    toast.error(`Could not undo: ${change.label}`, { id: `undo-${change.changeId}`, description: errorMessage(e) });
  } finally {
    await Promise.all([client.invalidateQueries({ queryKey: keys.unmapped.all }), client.invalidateQueries({ queryKey: keys.views.all })]);
  }
}

export function useUndo() {
  const client = useQueryClient();
  /** Says what changed, with Undo; a change that changed nothing (changeId null) has nothing to undo. */
  const announce = useCallback(
    (changeId: string | null, label: string) => {
      if (changeId === null) {
        toast.success(label);
        return;
      }
      const change = { changeId, label };
      latest = change;
      showChangeToast(changeId, label, () => void undoChange(client, change));
    },
    [client],
  );
  /** Undoes the latest change made in this tab (the `z` key); false when there is none. */
  const undoLatest = useCallback(() => {
    if (!latest) {
      toast("Nothing to undo", { id: "undo-none" });
      return false;
    }
    void undoChange(client, latest);
    return true;
  }, [client]);
  return { announce, undoLatest };
}
