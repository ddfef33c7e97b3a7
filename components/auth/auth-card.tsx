// The frame of a page outside the app shell: brand, a card with the page's title, and its form.
import type { ReactNode } from "react";
import styles from "./auth.module.css";

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className={styles.page}>
      <div className={styles.brand}>
        <span className={styles.brandMark} aria-hidden="true" />
        Market Triage
      </div>
      <section className={`card ${styles.card}`} aria-labelledby="auth-title">
        <div className="card-body stack">
          <h1 id="auth-title">{title}</h1>
          {intro}
          {children}
        </div>
      </section>
    </main>
  );
}
