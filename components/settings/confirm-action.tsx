"use client";
// The question before a row's action (delete, revoke, rotate): the row it was asked for, the
// action's mutation, run on that row when confirmed, and the dialog, open while a row is chosen,
// showing the action's failure.
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useState, type ComponentProps } from "react";
import { errorMessage } from "@/lib/api/errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * `run` for the row confirmed; on success the `refreshes` queries are refetched, the question
 * closes and `done` says what follows (a toast, a secret shown once).
 */
export function useConfirmed<T, R>(run: (target: T) => Promise<R>, refreshes: QueryKey, done: (result: R, target: T) => void) {
  const client = useQueryClient();
  const [target, setTarget] = useState<T | null>(null);
  const action = useMutation({
    mutationFn: run,
    onSuccess: (result, asked) => {
      void client.invalidateQueries({ queryKey: refreshes });
      setTarget(null);
      done(result, asked);
    },
  });
  // Stable (the mutation's reset is), so the columns that ask are built once.
  const { reset } = action;
  /** Ask about `t`, with no failure left from an earlier one. */
  const ask = useCallback((t: T) => (reset(), setTarget(t)), [reset]);
  const close = useCallback(() => setTarget(null), []);
  return { target, action, ask, close };
}

type Props<T> = Omit<ComponentProps<typeof ConfirmDialog>, "open" | "pending" | "error" | "onConfirm" | "onClose"> & {
  /** From useConfirmed. */
  confirmed: { target: T | null; action: { mutate: (target: T) => void; isPending: boolean; error: unknown }; close: () => void };
};

export function ConfirmAction<T>({ confirmed: { target, action, close }, ...dialog }: Props<T>) {
  return (
    <ConfirmDialog
      {...dialog}
      open={target !== null}
      pending={action.isPending}
      error={action.error ? errorMessage(action.error) : null}
      onConfirm={() => target !== null && action.mutate(target)}
      onClose={close}
    />
  );
}
