// A settings table's row action (Revoke, Reset password): one button, named for its row for
// screen readers, at the row's end.
import type { ReactNode } from "react";
import styles from "./settings.module.css";

export function RowButton({
  label,
  danger,
  onClick,
  children,
}: {
  label: string;
  danger?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <div className={styles.cellActions}>
      <button
        type="button"
        className={danger ? "button button-small button-danger" : "button button-small"}
        onClick={onClick}
        aria-label={label}
      >
        {children}
      </button>
    </div>
  );
}
