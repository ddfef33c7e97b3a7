"use client";
// A modal <dialog> its owner opens with showModal(): Escape closes it (the browser's own), and so
// does a click on the backdrop, which lands on the dialog element itself; not while `busy` (a save
// in flight would otherwise lose its answer).
import type { ReactNode, RefObject } from "react";

export function ModalDialog({
  ref,
  labelledBy,
  busy = false,
  children,
}: {
  ref: RefObject<HTMLDialogElement | null>;
  labelledBy: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onClick={(e) => {
        if (e.target === e.currentTarget && !busy) ref.current?.close();
      }}
    >
      {children}
    </dialog>
  );
}
