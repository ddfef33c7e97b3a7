import type { ReactNode } from "react";

export function EmptyState({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="state">
      <span className="state-icon" aria-hidden="true" />
      <h2>{title}</h2>
      <div className="state-text">{children}</div>
      {actions && <div className="state-actions">{actions}</div>}
    </div>
  );
}
