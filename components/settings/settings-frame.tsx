"use client";
// The frame of a settings page: title, what the page is for, then its cards.
import type { ReactNode } from "react";
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
