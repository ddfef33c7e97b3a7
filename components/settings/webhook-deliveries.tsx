"use client";
// One endpoint's delivery log, newest first: what was sent, how it went (status, attempts, the
// last answer and its duration, the next attempt), "Redeliver" per row and "Send test event".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { webhookQueries, webhooksApi } from "@/lib/api/webhooks";
import type { Webhook, WebhookDelivery } from "@/lib/contract/webhooks";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { listState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowButton } from "./row-button";
import { TableCard } from "./table-card";

const col = columnsFor<WebhookDelivery>();
const STATUS_LABEL: Record<WebhookDelivery["status"], string> = { pending: "Pending", succeeded: "Delivered", failed: "Failed" };

function columnsOf(onRedeliver: (d: WebhookDelivery) => void): DataColumn<WebhookDelivery>[] {
  return [
    col.accessor("eventType", { id: "eventType", header: "Event", meta: { kind: "mono", rowHeader: true } }),
    col.accessor("status", {
      id: "status",
      header: "Status",
      meta: { width: 110 },
      cell: ({ row }) => <span data-delivery-status={row.original.status}>{STATUS_LABEL[row.original.status]}</span>,
    }),
    col.accessor("attempts", { id: "attempts", header: "Attempts", meta: { width: 90, kind: "numeric" } }),
    col.accessor("responseCode", {
      id: "responseCode",
      header: "Answer",
      meta: { width: 140 },
      cell: ({ row }) => {
        const d = row.original;
        if (d.responseCode !== null) return `${d.responseCode}${d.durationMs !== null ? ` in ${d.durationMs} ms` : ""}`;
        return d.error ? <span title={d.error}>{d.error}</span> : "–";
      },
    }),
    col.accessor("nextAttemptAt", {
      id: "nextAttemptAt",
      header: "Next attempt",
      meta: { width: 120, kind: "time" },
      cell: (c) => (c.getValue() ? <RelativeTime iso={c.getValue()!} /> : "–"),
    }),
    col.accessor("createdAt", {
      id: "createdAt",
      header: "Created",
      meta: { width: 120, kind: "time", optional: true },
      cell: (c) => <RelativeTime iso={c.getValue()} />,
    }),
    actionsColumn<WebhookDelivery>(110, (d) =>
      d.status === "pending" ? null : (
        <RowButton label={`Redeliver ${d.eventType} ${d.id}`} onClick={() => onRedeliver(d)}>
          Redeliver
        </RowButton>
      ),
    ),
  ];
}

export function WebhookDeliveries({ hook }: { hook: Webhook }) {
  const client = useQueryClient();
  const log = useQuery(webhookQueries.deliveries(hook.id));
  const refresh = () => void client.invalidateQueries({ queryKey: keys.webhooks.deliveries(hook.id) });
  const redeliver = useMutation({
    mutationFn: (d: WebhookDelivery) => webhooksApi.redeliver(hook.id, d.id),
    onSuccess: (d) => (refresh(), toast.success(`${d.eventType} queued again`)),
    onError: (e) => toast.error(`Not queued: ${errorMessage(e)}`),
  });
  const test = useMutation({
    mutationFn: () => webhooksApi.test(hook.id),
    onSuccess: () => (refresh(), toast.success("Test event queued")),
    onError: (e) => toast.error(`Not sent: ${errorMessage(e)}`),
  });
  const columns = useMemo(() => columnsOf((d) => redeliver.mutate(d)), [redeliver]);
  const table = useDataTable({ data: log.data?.items ?? [], columns, getRowId: (d) => d.id });
  const state = listState(
    log,
    { rows: 3, errorTitle: "The deliveries could not be loaded" },
    <EmptyState title="Nothing sent yet">
      <p>Events it subscribes to appear here as they happen; a test event shows whether the receiver verifies them.</p>
    </EmptyState>,
  );
  return (
    <TableCard
      titleId="deliveries-title"
      title={`Deliveries to ${hook.url}`}
      actions={
        <button type="button" className="button button-small" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? "Sending…" : "Send test event"}
        </button>
      }
      table={table}
      caption={`Deliveries to ${hook.url}`}
      state={state}
    />
  );
}
