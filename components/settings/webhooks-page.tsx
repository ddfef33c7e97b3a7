"use client";
// Webhook endpoints (admins): the list with failing and disabled ones flagged, adding one (its
// secret shown once), editing its events or switching it on and off, rotating its secret,
// deleting it, and its delivery log.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { keys } from "@/lib/api/keys";
import { webhookQueries, webhooksApi } from "@/lib/api/webhooks";
import type { Webhook, WebhookWithSecret } from "@/lib/contract/webhooks";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { listState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { ConfirmAction, useConfirmed } from "./confirm-action";
import { RowActions } from "./row-button";
import { AdminSettingsFrame } from "./settings-frame";
import { WebhookDeliveries } from "./webhook-deliveries";
import { SecretShownOnce, WebhookForm } from "./webhook-form";
import { TableCard } from "./table-card";

const col = columnsFor<Webhook>();

/** Disabled for failing through the retry window, failing now, off by hand, or fine (a badge is a flex box: its text keeps its space only as a no-break one). */
function Health({ hook }: { hook: Webhook }) {
  if (hook.disabledAt)
    return (
      <span className="badge badge-regressed" data-webhook-state="disabled">
        {"Disabled: failing since\u00a0"}
        <RelativeTime iso={hook.failingSince ?? hook.disabledAt} />
      </span>
    );
  if (hook.failingSince)
    return (
      <span className="badge badge-regressed" data-webhook-state="failing">
        {"Failing since\u00a0"}
        <RelativeTime iso={hook.failingSince} />
      </span>
    );
  return <span data-webhook-state={hook.active ? "active" : "off"}>{hook.active ? "Active" : "Off"}</span>;
}

interface Actions {
  edit: (h: Webhook) => void;
  rotate: (h: Webhook) => void;
  remove: (h: Webhook) => void;
  log: (h: Webhook) => void;
}

function columnsOf(a: Actions): DataColumn<Webhook>[] {
  return [
    col.accessor("url", {
      id: "url",
      header: "URL",
      meta: { kind: "name", rowHeader: true },
      cell: ({ row }) => (
        <span>
          <span className="mono">{row.original.url}</span>
          {row.original.description && <span className="muted"> · {row.original.description}</span>}
        </span>
      ),
    }),
    col.accessor("events", {
      id: "events",
      header: "Events",
      meta: { width: 200 },
      cell: (c) => <span title={c.getValue().join(", ")}>{c.getValue().join(", ")}</span>,
    }),
    col.accessor("active", { id: "active", header: "State", meta: { width: 190 }, cell: ({ row }) => <Health hook={row.original} /> }),
    actionsColumn<Webhook>(400, (h) => (
      <RowActions
        actions={[
          { text: "Deliveries", label: `Deliveries to ${h.url}`, onClick: () => a.log(h) },
          { text: "Edit", label: `Edit ${h.url}`, onClick: () => a.edit(h) },
          { text: "Rotate secret", label: `Rotate the secret of ${h.url}`, onClick: () => a.rotate(h) },
          { text: "Delete", label: `Delete ${h.url}`, danger: true, onClick: () => a.remove(h) },
        ]}
      />
    )),
  ];
}

function Webhooks() {
  const hooks = useQuery(webhookQueries.list());
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [rotated, setRotated] = useState<WebhookWithSecret | null>(null);
  const confirm = useConfirmed(
    async ({ kind, hook }: { kind: "rotate" | "remove"; hook: Webhook }) =>
      kind === "rotate" ? webhooksApi.rotate(hook.id) : (await webhooksApi.remove(hook.id), null),
    keys.webhooks.all,
    (result, { kind, hook }) => {
      if (kind === "rotate" && result) setRotated(result);
      else {
        if (viewing === hook.id) setViewing(null);
        if (editing?.id === hook.id) setEditing(null);
        toast.success(`Deleted ${hook.url}: nothing more is sent to it`);
      }
    },
  );
  const ask = confirm.ask;
  const columns = useMemo(
    () =>
      columnsOf({
        edit: setEditing,
        log: (h) => setViewing(h.id),
        rotate: (h) => ask({ kind: "rotate", hook: h }),
        remove: (h) => ask({ kind: "remove", hook: h }),
      }),
    [ask],
  );
  const items = hooks.data?.items ?? [];
  const table = useDataTable({ data: items, columns, getRowId: (h) => h.id });
  const state = listState(
    hooks,
    { rows: 2, errorTitle: "The endpoints could not be loaded" },
    <EmptyState title="No endpoints yet">
      <p>Add one above: the tool at that URL then gets each event it subscribes to, signed.</p>
    </EmptyState>,
  );
  const shown = items.find((h) => h.id === viewing) ?? null;
  return (
    <>
      <WebhookForm editing={editing} onDone={() => setEditing(null)} />
      {rotated && <SecretShownOnce hook={rotated} onDone={() => setRotated(null)} />}
      <TableCard
        titleId="webhooks-title"
        title={`Endpoints${items.length ? ` (${items.length})` : ""}`}
        table={table}
        caption="Webhook endpoints"
        state={state}
        rowProps={(row) => ({ "data-webhook-url": row.original.url })}
      />
      {shown && <WebhookDeliveries hook={shown} />}
      <ConfirmAction
        confirmed={confirm}
        title={
          confirm.target?.kind === "rotate"
            ? `Rotate the secret of ${confirm.target.hook.url}?`
            : `Delete ${confirm.target?.hook.url ?? ""}?`
        }
        confirmLabel={confirm.target?.kind === "rotate" ? "Rotate" : "Delete"}
        pendingLabel={confirm.target?.kind === "rotate" ? "Rotating…" : "Deleting…"}
        danger={confirm.target?.kind === "remove"}
      >
        <p>
          {confirm.target?.kind === "rotate"
            ? "A new secret is shown once. The current one keeps signing beside it for 24 hours, so the receiver can switch over."
            : "Nothing more is sent to it, and its delivery log is deleted with it. This cannot be undone."}
        </p>
      </ConfirmAction>
    </>
  );
}

export function WebhooksPage() {
  return (
    <AdminSettingsFrame
      title="Webhooks"
      intro="Other tools get the events they subscribe to as signed HTTP requests (Standard Webhooks), retried for 24 hours, in order per endpoint."
      action="webhooks.manage"
      doing="manage webhooks"
    >
      <Webhooks />
    </AdminSettingsFrame>
  );
}
