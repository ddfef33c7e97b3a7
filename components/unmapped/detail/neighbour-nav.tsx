"use client";
import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { LinkPending } from "@/components/ui/link-pending";
import type { Neighbours } from "./use-neighbours";
import styles from "./detail.module.css";

export function NeighbourNav({ n, navigating }: { n: Neighbours; navigating: boolean }) {
  if (n.position === null) return null;
  return (
    <nav className={styles.neighbours} aria-label="Markets in the list">
      {n.prev ? (
        <Link href={n.prev.href} className="button button-small" title={`Previous: ${n.prev.name} (k)`} rel="prev">
          <span aria-hidden="true">‹</span> Previous
          <LinkPending />
        </Link>
      ) : (
        <button type="button" className="button button-small" disabled>
          <span aria-hidden="true">‹</span> Previous
        </button>
      )}
      <span className={styles.neighboursPosition} aria-live="polite">
        {navigating
          ? "Opening…"
          : n.inList === false
            ? "No longer in the list"
            : n.total === undefined
              ? `#${formatCount(n.position + 1)}`
              : `${formatCount(n.position + 1)} of ${formatCount(n.total)}`}
      </span>
      {n.next ? (
        <Link href={n.next.href} className="button button-small" title={`Next: ${n.next.name} (j)`} rel="next">
          Next <span aria-hidden="true">›</span>
          <LinkPending />
        </Link>
      ) : (
        <button type="button" className="button button-small" disabled>
          Next <span aria-hidden="true">›</span>
        </button>
      )}
    </nav>
  );
}
