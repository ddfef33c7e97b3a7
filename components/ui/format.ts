// Display formatting with fixed locales, so the server's first render and the browser's agree.
const counts = new Intl.NumberFormat("en-US");
const odds = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const scores = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const percents = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatCount = (n: number) => counts.format(n);
/** A share as "52.3%". */
export const formatPercent = (n: number) => percents.format(n);
export const formatOdds = (n: number) => odds.format(n);
export const formatScore = (n: number) => scores.format(n);

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

const exactFormats = new Map<string, Intl.DateTimeFormat>();

/** e.g. "26 Nov 2026, 06:58:53 GMT+1"; `timeZone` undefined means the browser's own. */
export function formatExact(date: Date, timeZone?: string): string {
  const key = timeZone ?? "local";
  let f = exactFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZone,
      timeZoneName: "short",
    });
    exactFormats.set(key, f);
  }
  return f.format(date);
}

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date; ahead of now (a kickoff): "in 5 min", "in 3 h". */
export function formatRelative(date: Date, now: number): string {
  const signed = Math.round((now - date.getTime()) / 1000);
  const seconds = Math.abs(signed);
  if (seconds < 45) return "just now";
  const say = (n: number, unit: string) => (signed < 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`);
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return say(minutes, "min");
  const hours = Math.round(minutes / 60);
  if (hours < 24) return say(hours, "h");
  const days = Math.round(hours / 24);
  if (days < 30) return say(days, "d");
  return shortDate.format(date);
}
