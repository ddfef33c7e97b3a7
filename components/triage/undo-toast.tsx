"use client";
// The toasts of an undoable change: "… · Undo" after the change, then what the undo restored and
// what it left alone (markets changed again since). Sonner, as every toast of the app.
import { toast } from "sonner";
import type { UndoResult } from "@/lib/contract/unmapped";
import { plural } from "@/components/ui/format";

/** How long the Undo action stays on screen: long enough to notice a slip, short enough not to pile up. */
const UNDO_TOAST_MS = 10_000;

export function showChangeToast(changeId: string, label: string, onUndo: () => void): void {
  toast.success(label, {
    id: `change-${changeId}`,
    duration: UNDO_TOAST_MS,
    className: "toast-change",
    action: { label: "Undo", onClick: onUndo },
  });
}

/** "Undone: 3 markets ignored" with "3 markets restored; 1 left as it is: changed since". */
export function showUndoResult(result: UndoResult, label: string): void {
  const restored = result.restored.length;
  const skipped = result.skipped.length;
  const parts = [`${plural(restored, "market")} restored`];
  if (skipped > 0) parts.push(`${plural(skipped, "market")} left as ${skipped === 1 ? "it is" : "they are"}: changed since`);
  const show = restored === 0 ? toast.warning : toast.success;
  show(restored === 0 ? `Nothing undone: ${label}` : `Undone: ${label}`, {
    id: `undo-${result.changeId}`,
    description: parts.join("; "),
    className: "toast-undo",
  });
}
