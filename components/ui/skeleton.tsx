import type { ReactNode } from "react";

export function Skeleton({ width, height = "0.9em", className = "" }: { width?: string; height?: string; className?: string }) {
  return <span className={`skeleton ${className}`} style={{ width, height }} aria-hidden="true" />;
}

/** A card of placeholders: `lines` lines of ragged text (and a heading with `titled`), or the given ones. */
export function SkeletonCard({ lines = 0, titled = false, children }: { lines?: number; titled?: boolean; children?: ReactNode }) {
  return (
    <div className="card">
      {titled && (
        <div className="card-header">
          <Skeleton width="10rem" />
        </div>
      )}
      <div className="card-body stack-tight">
        {children}
        {Array.from({ length: lines }, (_, i) => (
          <Skeleton key={i} width={`${60 + ((i * 13) % 35)}%`} />
        ))}
      </div>
    </div>
  );
}
