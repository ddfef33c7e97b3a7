// The header of a detail page (market, map editor, mapping): the breadcrumb bar, the title the
// page is labelled by, and the meta line of badges and ids.
import type { ReactNode } from "react";
import { cx } from "./cx";
import layout from "@/components/layout/detail-layout.module.css";

export function DetailHeader({ topbar, titleId, title, meta }: { topbar: ReactNode; titleId: string; title: ReactNode; meta: ReactNode }) {
  return (
    <header className={layout.detailHeader}>
      <div className={layout.detailTopbar}>{topbar}</div>
      <h1 id={titleId} className={layout.detailTitle}>
        {title}
      </h1>
      <div className={layout.detailMeta}>{meta}</div>
    </header>
  );
}

/** The resource's own id in the meta line. */
export function DetailId({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className={cx(layout.detailId, "mono")} title={title}>
      {children}
    </span>
  );
}
