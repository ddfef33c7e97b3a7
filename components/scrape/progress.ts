import type { ScrapeProgressData } from "@/lib/contract/realtime";

/** Overall percent of a run: discovery is quick, scraping events is most of the work. */
export function progressPercent(p: ScrapeProgressData): number {
  const part = p.total > 0 ? Math.min(1, p.current / p.total) : 0;
  switch (p.phase) {
    case "starting":
      return 2;
    case "discovery":
      return 2 + Math.round(8 * part);
    case "scraping":
      return 10 + Math.round(90 * part);
    case "completed":
    case "failed":
      return 100;
  }
}
