"use client";
import { useScrape } from "./scrape-context";

export function ScrapeButton({ className = "button button-primary" }: { className?: string }) {
  const { start, starting, running } = useScrape();
  const busy = starting || running;
  return (
    <button type="button" className={className} onClick={start} disabled={busy} aria-describedby="scrape-panel-text">
      {busy ? <span className="spinner" aria-hidden="true" /> : <span aria-hidden="true">↻</span>}
      {busy ? "Scraping…" : "Scrape now"}
    </button>
  );
}
