"use client";
// The form of a page outside the app shell (sign-in, first run): named for assistive technology,
// validated by the contract's schemas rather than the browser, and marked once it is interactive.
import type { FormEventHandler, ReactNode } from "react";
import { useIsClient } from "@/components/ui/clock";

export function AuthForm({
  label,
  onSubmit,
  children,
}: {
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  const isClient = useIsClient();
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={label} data-hydrated={isClient || undefined}>
      {children}
    </form>
  );
}
