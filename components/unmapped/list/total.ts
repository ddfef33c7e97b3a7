// A list total as shown: a search past the count cap is "10,000+", since counting every match of
// a search over a million markets costs as much as reading them (see lib/contract/common.ts).
import { formatCount } from "@/components/ui/format";

export interface ShownTotal {
  total: number;
  totalCapped?: boolean;
}

export const formatTotal = (t: ShownTotal) => (t.totalCapped ? `${formatCount(t.total)}+` : formatCount(t.total));

/**
 * Whether a page after `page` (the one in the URL) exists, judged from the page on screen, which
 * may still be the previous one. With an exact total that is arithmetic; past the cap the total is
 * unknown, so the next page is offered while the page on screen is this one and came back full.
 */
export function hasNextPage(page: number, shown: ShownTotal & { page: number; pageSize: number; items: unknown[] }): boolean {
  if (shown.totalCapped) return shown.page === page && shown.items.length >= shown.pageSize;
  return page < Math.ceil(shown.total / shown.pageSize);
}
