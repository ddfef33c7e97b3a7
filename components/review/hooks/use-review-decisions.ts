"use client";
// The queue's decisions and their undo. Accepting a candidate asks for the price check first and
// maps only when it does not say suspicious (consistent, or no overlap to compare); a suspicious
// check is shown with its figures instead. Every decision goes on a stack: `z` undoes the latest
// (a map by unmapping, an ignore by undoing its change), and the market comes back on screen.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { changesApi } from "@/lib/api/changes";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { reviewApi } from "@/lib/api/review";
import { unmappedApi } from "@/lib/api/unmapped";
import type { MapCheck, PriceVerdict } from "@/lib/contract/price-check";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import type { MappingCandidate } from "../queue-model";

export type Decision = { kind: "map"; id: number; label: string } | { kind: "ignore"; id: number; label: string; changeId: string | null };

/** A check that stopped an accept: shown with its figures until the market changes. */
export interface Refusal {
  id: number;
  candidate: MappingCandidate;
  check: MapCheck;
}

export const VERDICT_WORDS: Record<PriceVerdict, string> = {
  consistent: "prices consistent",
  suspicious: "prices suspicious",
  no_overlap: "no shared prices to compare",
};

const UNDO_HINT = "Press z to undo";

interface Queue {
  decide: (id: number) => void;
  restore: (id: number) => void;
}

export function useReviewDecisions(queue: Queue) {
  const client = useQueryClient();
  const [stack, setStack] = useState<Decision[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // One decision at a time: a key pressed while one is going is dropped, not queued behind it.
  const running = useRef(false);

  const run = useCallback(
    async (what: string, work: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setBusy(what);
      try {
        await work();
      } catch (e) {
        toast.error(`Could not ${what}`, { description: errorMessage(e) });
      } finally {
        running.current = false;
        setBusy(null);
        await client.invalidateQueries({ queryKey: keys.unmapped.all });
      }
    },
    [client],
  );

  const push = (d: Decision) => setStack((s) => [...s, d]);

  const accept = (market: UnmappedDetail, candidate: MappingCandidate, number: number) =>
    run("map the market", async () => {
      const body = { canonicalId: candidate.canonicalId };
      const check = await unmappedApi.check(market.id, body);
      if (check.verdict === "suspicious") {
        setRefusal({ id: market.id, candidate, check });
        toast.warning(`Not mapped: the prices say ${candidate.name} is suspicious`, {
          description: "Compare the figures, or open the market in the editor.",
        });
        return;
      }
      await unmappedApi.map(market.id, {
        ...body,
        reason: `Review queue: candidate ${number}, ${Math.round(candidate.score * 100)}% match, ${VERDICT_WORDS[check.verdict]}`,
      });
      const label = `Mapped ${market.marketName} to ${candidate.name}`;
      push({ kind: "map", id: market.id, label });
      setRefusal(null);
      queue.decide(market.id);
      toast.success(label, { description: `${VERDICT_WORDS[check.verdict]}. ${UNDO_HINT}.`, className: "toast-change" });
    });

  const ignore = (market: UnmappedDetail) =>
    run("ignore the market", async () => {
      const edited = await unmappedApi.update(market.id, { status: "IGNORED", reason: "Review queue" }, market.version);
      const label = `Ignored ${market.marketName}`;
      push({ kind: "ignore", id: market.id, label, changeId: edited.changeId });
      setRefusal(null);
      queue.decide(market.id);
      toast.success(label, { description: UNDO_HINT, className: "toast-change" });
    });

  const undo = () => {
    const last = stack.at(-1);
    if (!last) {
      toast("Nothing to undo", { id: "review-undo-none" });
      return;
    }
    return run("undo", async () => {
      if (last.kind === "map") await reviewApi.unmap(last.id, { reason: "Undone in the review queue" });
      else if (last.changeId) {
        const result = await changesApi.undo(last.changeId);
        if (!result.restored.includes(last.id)) throw new Error("The market was changed again since; it is left as it is.");
      }
      setStack((s) => s.filter((d) => d !== last));
      queue.restore(last.id);
      toast.success(`Undone: ${last.label}`, { description: "The market is back in the queue.", className: "toast-undo" });
    });
  };

  return {
    accept,
    ignore,
    undo,
    busy,
    refusal,
    clearRefusal: () => setRefusal(null),
    canUndo: stack.length > 0,
    lastDecision: stack.at(-1) ?? null,
  };
}
