"use client";
// Saved views of the list: create from the current URL state, rename, delete; each refreshes the
// tabs. Opening one is navigation (its query becomes the URL), done by the tabs.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { keys } from "@/lib/api/keys";
import { viewsApi } from "@/lib/api/views";
import type { SavedView } from "@/lib/contract/views";
import { loadUnmappedView, savedQueryOf, type UnmappedView } from "@/lib/url-state/unmapped-view";
import type { ViewFormValues } from "./view-form-dialog";

/** The list's view a saved view opens: its query read by the list's own codec, and which view it is. */
export function viewOfSaved(saved: Pick<SavedView, "id" | "query">): UnmappedView {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(saved.query)) search.set(key, Array.isArray(value) ? value.join(",") : value);
  return { ...loadUnmappedView(search), view: saved.id };
}

export function useSavedViews(onOpen: (view: UnmappedView) => void) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keys.views.all });
  const create = useMutation({
    mutationFn: ({ values, view }: { values: ViewFormValues; view: UnmappedView }) =>
      viewsApi.create({ name: values.name, shared: values.shared, query: savedQueryOf(view) }),
    onSuccess: (saved) => {
      toast.success(`View saved: ${saved.name}`);
      onOpen(viewOfSaved(saved));
    },
    onSettled: refresh,
  });
  const rename = useMutation({
    mutationFn: ({ id, values }: { id: number; values: ViewFormValues }) => viewsApi.update(id, values),
    onSuccess: (saved) => toast.success(`View renamed: ${saved.name}`),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (saved: SavedView) => viewsApi.remove(saved.id),
    onSuccess: (_none, saved) => toast.success(`View deleted: ${saved.name}`),
    onSettled: refresh,
  });
  return { create, rename, remove };
}
