"use client";
// The queue's buttons, each with its key: the same decisions the keys make, for the mouse and for
// those who turned single-key shortcuts off. Viewers see them disabled, with the reason.
import type { useReviewDecisions } from "../hooks/use-review-decisions";
import styles from "../review.module.css";

interface Props {
  canDecide: boolean;
  decisions: ReturnType<typeof useReviewDecisions>;
  /** A market is shown. */
  shown: boolean;
  /** It is still NEW: it can be decided. */
  open: boolean;
  onIgnore: () => void;
  onSkip: () => void;
}

const VIEWER_HINT = "Viewers can look but not decide: a triager or admin maps and ignores markets";

export function ReviewBar({ canDecide, decisions, shown, open, onIgnore, onSkip }: Props) {
  const decideHint = canDecide ? undefined : VIEWER_HINT;
  const working = decisions.busy;
  const busy = working !== null;
  return (
    <div className={styles.actions} role="toolbar" aria-label="Decide">
      <button type="button" className="button" onClick={onIgnore} disabled={!canDecide || !open || busy} title={decideHint}>
        Ignore <kbd>x</kbd>
      </button>
      <button type="button" className="button" onClick={onSkip} disabled={!shown || busy}>
        Skip <kbd>Space</kbd>
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void decisions.undo()}
        disabled={!canDecide || !decisions.canUndo || busy}
        title={decideHint}
      >
        Undo <kbd>z</kbd>
      </button>
      <span className="muted" role="status" aria-live="polite">
        {working !== null ? `${working[0].toUpperCase()}${working.slice(1)}…` : !canDecide ? VIEWER_HINT : ""}
      </span>
    </div>
  );
}
