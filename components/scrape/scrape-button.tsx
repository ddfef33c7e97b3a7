"use client";
import { useCan } from "@/components/auth/use-principal";
import { useScrape } from "./scrape-context";

/** "Scrape now", for those who may start a run (admins); nothing for anyone else. */
export function ScrapeButton({ className = "button button-primary" }: { className?: string }) {
  const { start, starting, running } = useScrape();
  const allowed = useCan("scrape.start");
  const busy = starting || running;
  if (!allowed) return null;
  return (
    <button type="button" className={className} onClick={start} disabled={busy} aria-describedby="scrape-panel-text">
      {busy ? <span className="spinner" aria-hidden="true" /> : <span aria-hidden="true">↻</span>}
      {busy ? "Scraping…" : "Scrape now"}
    </button>
  );
}
