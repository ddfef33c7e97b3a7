"use client";
// The frame of a settings page: title, what the page is for, then its cards (an admin's page: for
// admins only).
import type { ReactNode } from "react";
import type { Action } from "@/lib/access";
import { NotAllowed } from "@/components/auth/not-allowed";
import { useCan } from "@/components/auth/use-principal";
import layout from "@/components/layout/detail-layout.module.css";
import { useIsClient } from "@/components/ui/clock";
import styles from "./settings.module.css";

export function SettingsFrame({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  const isClient = useIsClient();
  return (
    <article className={`${layout.detailPage} ${styles.page}`} aria-labelledby="settings-title" data-hydrated={isClient || undefined}>
      <header className={layout.detailHeader}>
        <h1 id="settings-title" className={layout.detailTitle}>
          {title}
        </h1>
        <p className="muted">{intro}</p>
      </header>
      <div className="stack">{children}</div>
    </article>
  );
}

/** An admin's settings page: its cards for whoever may do `action`, else what it would let them do. */
export function AdminSettingsFrame({
  action,
  doing,
  children,
  ...frame
}: Parameters<typeof SettingsFrame>[0] & { action: Action; doing: string }) {
  const allowed = useCan(action);
  return <SettingsFrame {...frame}>{allowed ? children : <NotAllowed doing={doing} needs="admin" />}</SettingsFrame>;
}
