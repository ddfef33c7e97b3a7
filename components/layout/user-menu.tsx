"use client";
// The signed-in person in the header: a button with their name that opens their role, the
// settings pages they may open and "Sign out". On a phone the button shrinks to initials.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { authApi } from "@/lib/api/auth";
import { errorMessage } from "@/lib/api/errors";
import { ROLE_HINT, ROLE_LABEL } from "@/components/auth/role-label";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import styles from "./user-menu.module.css";

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("") || "?";

export function UserMenu() {
  const me = usePrincipal();
  const manages = useCan("users.manage");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const signOut = useMutation({
    mutationFn: authApi.signOut,
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load: the root layout renders without the app shell for nobody
    onSuccess: () => window.location.assign("/sign-in"),
  });

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>("button")?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);

  if (!me) return null;
  return (
    <div className={styles.menu} ref={root}>
      <button
        type="button"
        className={`button button-ghost ${styles.trigger}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account: ${me.name}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initialsOf(me.name)}
        </span>
        <span className={styles.name} aria-hidden="true">
          {me.name}
        </span>
      </button>
      <div id={panelId} className={styles.panel} hidden={!open} data-testid="user-menu">
        <div className={styles.who}>
          <strong>{me.name}</strong>
          {me.email && <span className="muted">{me.email}</span>}
          <span className={styles.role} title={ROLE_HINT[me.role]} data-role={me.role}>
            {ROLE_LABEL[me.role]}
          </span>
        </div>
        <ul className={styles.links}>
          <li>
            <Link href="/settings/tokens" onClick={() => setOpen(false)}>
              API tokens
            </Link>
          </li>
          {manages && (
            <li>
              <Link href="/settings/users" onClick={() => setOpen(false)}>
                People
              </Link>
            </li>
          )}
          {manages && (
            <li>
              <Link href="/settings/webhooks" onClick={() => setOpen(false)}>
                Webhooks
              </Link>
            </li>
          )}
          {manages && (
            <li>
              <Link href="/settings/alert-rules" onClick={() => setOpen(false)}>
                Alert rules
              </Link>
            </li>
          )}
        </ul>
        {signOut.isError && (
          <p className="field-error" role="alert">
            Not signed out: {errorMessage(signOut.error)}
          </p>
        )}
        <button type="button" className="button button-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </div>
  );
}
