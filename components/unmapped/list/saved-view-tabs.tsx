"use client";
// Saved views as tabs after the status tabs (personal ones, then shared ones), each with its count;
// "Save view" keeps the current filters and sort under a name; the view on screen can be renamed
// or deleted by its owner (a shared one also by admins).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { viewQueries } from "@/lib/api/views";
import type { SavedView } from "@/lib/contract/views";
import type { UnmappedView } from "@/lib/url-state/unmapped-view";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/api/errors";
import { formatTotal } from "@/components/data-table/page-total";
import { ListTab } from "./list-tab";
import { useSavedViews, viewOfSaved } from "./use-saved-views";
import { ViewFormDialog } from "./view-form-dialog";
import styles from "./triage-list.module.css";

type Dialog = { kind: "create" } | { kind: "rename"; saved: SavedView } | { kind: "delete"; saved: SavedView } | null;

const NO_VIEWS: SavedView[] = [];

export function SavedViewTabs({ view, onChange }: { view: UnmappedView; onChange: (patch: Partial<UnmappedView>) => void }) {
  const views = useQuery(viewQueries.list());
  const me = usePrincipal();
  const canShare = useCan("market.triage");
  const [dialog, setDialog] = useState<Dialog>(null);
  const { create, rename, remove } = useSavedViews((opened) => onChange(opened));
  const items = views.data?.items ?? NO_VIEWS;
  // Personal views first, then shared ones: the order is the API's within each.
  const ordered = [...items.filter((v) => !v.shared), ...items.filter((v) => v.shared)];
  const current = items.find((v) => v.id === view.view) ?? null;
  const mayEdit = (v: SavedView) => v.mine || (v.shared && me?.role === "admin");
  const close = () => {
    setDialog(null);
    create.reset();
    rename.reset();
    remove.reset();
  };

  return (
    <span className={styles.viewTabs}>
      {ordered.map((saved) => (
        <ListTab
          key={saved.id}
          view={view}
          patch={viewOfSaved(saved)}
          current={view.view === saved.id}
          count={formatTotal({ total: saved.count, totalCapped: saved.countCapped })}
          onChange={onChange}
          data-view-id={saved.id}
          data-shared={saved.shared ? "true" : undefined}
        >
          {saved.name}
          {saved.shared && <span className="muted">{saved.mine ? " · shared" : ` · ${saved.owner.name}`}</span>}
        </ListTab>
      ))}
      <button type="button" className="button button-ghost button-small" onClick={() => setDialog({ kind: "create" })}>
        Save view
      </button>
      {current && mayEdit(current) && (
        <>
          <button type="button" className="button button-ghost button-small" onClick={() => setDialog({ kind: "rename", saved: current })}>
            Rename view
          </button>
          <button type="button" className="button button-ghost button-small" onClick={() => setDialog({ kind: "delete", saved: current })}>
            Delete view
          </button>
        </>
      )}
      <ViewFormDialog
        open={dialog?.kind === "create" || dialog?.kind === "rename"}
        title={dialog?.kind === "rename" ? `Rename “${dialog.saved.name}”` : "Save this view"}
        submitLabel={dialog?.kind === "rename" ? "Rename" : "Save view"}
        initial={dialog?.kind === "rename" ? { name: dialog.saved.name, shared: dialog.saved.shared } : { name: "", shared: false }}
        canShare={canShare}
        pending={create.isPending || rename.isPending}
        error={dialog?.kind === "rename" ? rename.error : create.error}
        onClose={close}
        onSubmit={(values) => {
          if (dialog?.kind === "rename") rename.mutate({ id: dialog.saved.id, values }, { onSuccess: close });
          else create.mutate({ values, view }, { onSuccess: close });
        }}
      />
      <ConfirmDialog
        open={dialog?.kind === "delete"}
        title="Delete this view?"
        confirmLabel="Delete view"
        pendingLabel="Deleting…"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === "delete" &&
          remove.mutate(dialog.saved, {
            onSuccess: () => {
              close();
              onChange({ view: null });
            },
          })
        }
      >
        <p>
          {dialog?.kind === "delete" &&
            `“${dialog.saved.name}” is removed${dialog.saved.shared ? " for everyone" : ""}. The markets stay as they are.`}
        </p>
      </ConfirmDialog>
    </span>
  );
}
