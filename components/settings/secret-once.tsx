"use client";
// A secret the server shows only once (an API token, a webhook signing secret): a warning, the
// secret with a copy button, and Done to dismiss it. What the secret is for is the caller's text.
import { useState, type ReactNode } from "react";
import styles from "./settings.module.css";

export function SecretOnce({
  title,
  secret,
  testId,
  what,
  onDone,
  children,
}: {
  title: ReactNode;
  secret: string;
  testId: string;
  /** What to call it in the copy-failed hint ("the token"). */
  what: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () =>
    navigator.clipboard?.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="banner banner-warning" role="alert">
      <div className="stack-tight">
        <strong>{title}</strong>
        {children}
        <div className={styles.secret}>
          <code className="mono" data-testid={testId}>
            {secret}
          </code>
          <button type="button" className="button button-small" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" className="button button-small button-ghost" onClick={onDone}>
            Done
          </button>
        </div>
        {copied === false && <p className="field-error">The browser did not allow copying: select {what} and copy it yourself.</p>}
      </div>
    </div>
  );
}
