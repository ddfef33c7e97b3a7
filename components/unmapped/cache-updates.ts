// Optimistic edits to cached lists, and their undo. Every list page, tab count and neighbour
// query holding the market shows the new status at once; the refetch that follows settles it.
import { keys } from "@/lib/api/keys";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { TriageStatus } from "@/lib/contract/enums";
import type { UnmappedList } from "@/lib/contract/unmapped";

export type ListSnapshot = [QueryKey, UnmappedList | undefined][];

export async function setStatusInLists(client: QueryClient, id: number, status: TriageStatus): Promise<ListSnapshot> {
  await client.cancelQueries({ queryKey: keys.unmapped.lists });
  const snapshot = client.getQueriesData<UnmappedList>({ queryKey: keys.unmapped.lists });
  client.setQueriesData<UnmappedList>({ queryKey: keys.unmapped.lists }, (list) =>
    list && list.items.some((i) => i.id === id) ? { ...list, items: list.items.map((i) => (i.id === id ? { ...i, status } : i)) } : list,
  );
  return snapshot;
}

export function restoreLists(client: QueryClient, snapshot: ListSnapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}
