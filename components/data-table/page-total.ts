// A list total as shown: a search past the count cap is "10,000+", since counting every match of
// a search over a million markets costs as much as reading them (see lib/contract/common.ts).
import { formatCount } from "@/components/ui/format";

export interface ShownPage {
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean;
  items: readonly unknown[];
}

export const formatTotal = (t: Pick<ShownPage, "total" | "totalCapped">) =>
  t.totalCapped ? `${formatCount(t.total)}+` : formatCount(t.total);

/**
 * Whether a page after `page` (the one in the URL) exists, judged from the page on screen, which
 * may still be the previous one. With an exact total that is arithmetic; past the cap the total is
 * unknown, so the next page is offered while the page on screen is this one and came back full.
 */
export function hasNextPage(page: number, shown: ShownPage): boolean {
  if (shown.totalCapped) return shown.page === page && shown.items.length >= shown.pageSize;
  return page < Math.ceil(shown.total / shown.pageSize);
}

/** The last page that has rows, for "go to the last page" when a link points past the end. */
export function lastPage(shown: Pick<ShownPage, "total" | "totalCapped" | "pageSize">): number {
  return shown.totalCapped ? Math.max(1, Math.floor(shown.total / shown.pageSize)) : Math.max(1, Math.ceil(shown.total / shown.pageSize));
}

/** "1–25 of 1,234", "No markets", "Past the end: 12 in all". */
export function pageSummary(shown: ShownPage | undefined, loading: boolean, nothing: string): string {
  if (!shown) return loading ? "Loading…" : "–";
  if (shown.total === 0) return nothing;
  const capped = shown.totalCapped === true;
  const first = (shown.page - 1) * shown.pageSize + 1;
  const last = capped ? first + shown.items.length - 1 : Math.min(shown.total, shown.page * shown.pageSize);
  if (first > last || (!capped && first > shown.total)) return `Past the end: ${formatTotal(shown)} in all`;
  return `${formatCount(first)}–${formatCount(last)} of ${formatTotal(shown)}`;
}
