"use client";
// Alert rules (admins): the rules with what they match, where they notify, their throttle, latest
// notification and what waits for the next one; adding, editing and deleting one.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { alertRuleQueries, alertRulesApi } from "@/lib/api/alert-rules";
import { keys } from "@/lib/api/keys";
import { webhookQueries } from "@/lib/api/webhooks";
import type { AlertRule } from "@/lib/contract/alert-rules";
import type { Webhook } from "@/lib/contract/webhooks";
import { LastFiring } from "@/components/alerts/last-firing";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { listState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { AlertRuleForm } from "./alert-rule-form";
import { actionsSummary, conditionsSummary, throttleSummary } from "./alert-rule-labels";
import { ConfirmAction, useConfirmed } from "./confirm-action";
import { RowActions } from "./row-button";
import { AdminSettingsFrame } from "./settings-frame";
import { TableCard } from "./table-card";

const col = columnsFor<AlertRule>();

function columnsOf(endpoints: readonly Webhook[], edit: (r: AlertRule) => void, remove: (r: AlertRule) => void): DataColumn<AlertRule>[] {
  return [
    col.accessor("name", { id: "name", header: "Name", meta: { kind: "name", rowHeader: true }, cell: (c) => <span>{c.getValue()}</span> }),
    col.accessor("enabled", {
      id: "enabled",
      header: "State",
      meta: { width: 90 },
      cell: (c) => <span data-rule-state={c.getValue() ? "on" : "off"}>{c.getValue() ? "On" : "Off"}</span>,
    }),
    col.accessor("conditions", { id: "conditions", header: "Matches", cell: (c) => <span>{conditionsSummary(c.getValue())}</span> }),
    col.accessor("actions", {
      id: "actions-summary",
      header: "Notifies",
      cell: (c) => <span>{actionsSummary(c.getValue(), endpoints)}</span>,
    }),
    col.accessor("throttleMinutes", {
      id: "throttle",
      header: "Throttle",
      meta: { width: 100 },
      cell: (c) => throttleSummary(c.getValue()),
    }),
    col.accessor("lastFiring", {
      id: "last",
      header: "Last fired",
      meta: { width: 180 },
      cell: (c) => <LastFiring firing={c.getValue()} />,
    }),
    col.accessor("pending", {
      id: "pending",
      header: "Pending",
      meta: { width: 100 },
      cell: (c) => {
        const pending = c.getValue();
        return pending ? (
          <span title={`Waiting since ${pending.since}`}>{formatCount(pending.count)}</span>
        ) : (
          <span className="muted">–</span>
        );
      },
    }),
    actionsColumn<AlertRule>(170, (r) => (
      <RowActions
        actions={[
          { text: "Edit", label: `Edit ${r.name}`, onClick: () => edit(r) },
          { text: "Delete", label: `Delete ${r.name}`, danger: true, onClick: () => remove(r) },
        ]}
      />
    )),
  ];
}

function AlertRules() {
  const rules = useQuery(alertRuleQueries.list());
  const endpoints = useQuery(webhookQueries.list());
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const deleting = useConfirmed(
    (rule: AlertRule) => alertRulesApi.remove(rule.id),
    keys.alertRules.all,
    (_, rule) => {
      if (editing?.id === rule.id) setEditing(null);
      toast.success(`Deleted the rule ${rule.name}`);
    },
  );
  const hooks = endpoints.data?.items;
  const ask = deleting.ask;
  const columns = useMemo(() => columnsOf(hooks ?? [], setEditing, ask), [hooks, ask]);
  const items = rules.data?.items ?? [];
  const table = useDataTable({ data: items, columns, getRowId: (r) => r.id });
  const state = listState(
    rules,
    { rows: 2, errorTitle: "The rules could not be loaded" },
    <EmptyState title="No rules">
      <p>Nothing is notified. Add a rule above: a toast for every new market is a good start.</p>
    </EmptyState>,
  );
  return (
    <>
      <AlertRuleForm editing={editing} onDone={() => setEditing(null)} />
      <TableCard
        titleId="alert-rules-title"
        title={`Rules${items.length ? ` (${items.length})` : ""}`}
        table={table}
        caption="Alert rules"
        state={state}
        rowProps={(row) => ({ "data-rule-name": row.original.name })}
      />
      <ConfirmAction
        confirmed={deleting}
        title={`Delete the rule ${deleting.target?.name ?? ""}?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        danger
      >
        <p>Nothing more is notified for it, and the markets waiting for its next notification are dropped. This cannot be undone.</p>
      </ConfirmAction>
    </>
  );
}

export function AlertRulesPage() {
  return (
    <AdminSettingsFrame
      title="Alert rules"
      intro="Which newly announced markets notify the team, where (a toast, a webhook endpoint, a chat channel) and at most how often."
      action="alertRules.manage"
      doing="manage alert rules"
    >
      <AlertRules />
    </AdminSettingsFrame>
  );
}
