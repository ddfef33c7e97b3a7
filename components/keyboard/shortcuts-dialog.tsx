"use client";
import { useRef } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SHORTCUT_GROUPS } from "./shortcuts";
import { setSingleKeyShortcuts, useSingleKeyShortcuts } from "./shortcut-setting";
import { useHotkeys } from "./use-hotkeys";
import styles from "./shortcuts.module.css";

/** The "?" button and dialog listing every keyboard shortcut; "?" anywhere opens it. */
export function ShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const singleKeyOn = useSingleKeyShortcuts();
  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useHotkeys({
    "?": (e) => {
      e.preventDefault();
      open();
    },
  });

  return (
    <>
      <button
        type="button"
        className="button button-ghost button-icon"
        onClick={open}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        <span aria-hidden="true">?</span>
      </button>
      <ModalDialog ref={dialog} labelledBy="shortcuts-title">
        <div className="dialog-body">
          <header className="dialog-header">
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <button type="button" className="button button-ghost button-small" onClick={() => dialog.current?.close()} autoFocus>
              Close
            </button>
          </header>
          <label className="field-check">
            <input
              type="checkbox"
              checked={singleKeyOn}
              onChange={(e) => setSingleKeyShortcuts(e.target.checked)}
              aria-describedby="shortcuts-hint"
            />
            <span>Single-key shortcuts</span>
          </label>
          <p className="muted" id="shortcuts-hint">
            {singleKeyOn
              ? "On: the keys below act at once. They are off while you type in a field. Turn them off if you type by voice or keys get pressed by mistake; this browser remembers it."
              : "Off: the keys below do nothing. Use the buttons and links instead, or turn them on again here."}
          </p>
          {SHORTCUT_GROUPS.map((group, g) => (
            <section key={group.title} aria-labelledby={`shortcuts-group-${g}`}>
              <h3 id={`shortcuts-group-${g}`}>{group.title}</h3>
              <dl className={styles.shortcutList}>
                {group.shortcuts.map((s) => (
                  <div key={s.action} className={styles.shortcut}>
                    <dt>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && " + "}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{s.action}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </ModalDialog>
    </>
  );
}
