// A settings table's row actions (Edit, Delete, Revoke, Reset password): buttons named for their
// row for screen readers, at the row's end.
import styles from "./settings.module.css";

export interface RowAction {
  /** What the button says. */
  text: string;
  /** Its accessible name, naming the row: "Delete rule-1". */
  label: string;
  danger?: boolean;
  onClick: () => void;
}

export function RowActions({ actions }: { actions: readonly RowAction[] }) {
  return (
    <div className={styles.cellActions}>
      {actions.map((a) => (
        <button
          key={a.text}
          type="button"
          className={a.danger ? "button button-small button-danger" : "button button-small"}
          onClick={a.onClick}
          aria-label={a.label}
        >
          {a.text}
        </button>
      ))}
    </div>
  );
}

/** The one action of a row. */
export function RowButton({ children, ...action }: Omit<RowAction, "text"> & { children: string }) {
  return <RowActions actions={[{ text: children, ...action }]} />;
}
