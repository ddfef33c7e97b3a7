"use client";
// "Unmap" on a MAPPED market's page: the market NEW again and its platform out of the mapping (or
// the mapping deactivated when it was made for this market alone), after a confirmation.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { reviewApi } from "@/lib/api/review";
import type { UnmapResult } from "@/lib/contract/unmap";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

const OUTCOME: Record<UnmapResult["mappingChange"], string> = {
  cleared: "its id left the mapping",
  deactivated: "the mapping made for it was deactivated",
  none: "the mapping no longer named it",
};

export function UnmapButton({ id, canonicalId }: { id: number; canonicalId: string }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const unmap = useMutation({
    mutationFn: () => reviewApi.unmap(id, { reason: "Unmapped from the market page" }),
    onSuccess: (result) => {
      setOpen(false);
      client.setQueryData(keys.unmapped.detail(id), result.market);
      toast.success("Unmapped: the market is New again", { description: `${OUTCOME[result.mappingChange]} (${canonicalId}).` });
    },
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: keys.unmapped.all }), client.invalidateQueries({ queryKey: keys.mappings.all })]),
  });
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Unmap
      </button>
      <ConfirmDialog
        open={open}
        title="Unmap this market?"
        confirmLabel="Unmap"
        pendingLabel="Unmapping…"
        danger
        pending={unmap.isPending}
        error={unmap.error ? errorMessage(unmap.error) : null}
        onConfirm={() => unmap.mutate()}
        onClose={() => {
          setOpen(false);
          unmap.reset();
        }}
      >
        <p>
          The market goes back to New and its id leaves the mapping <span className="mono">{canonicalId}</span>; the next scrape counts it
          as unmapped again.
        </p>
      </ConfirmDialog>
    </>
  );
}
