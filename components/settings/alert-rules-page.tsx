"use client";
// Alert rules (admins): the rules with what they match, where they notify, their throttle, latest
// notification and what waits for the next one; adding, editing and deleting one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { alertRuleQueries, alertRulesApi } from "@/lib/api/alert-rules";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { webhookQueries } from "@/lib/api/webhooks";
import type { AlertRule } from "@/lib/contract/alert-rules";
import type { Webhook } from "@/lib/contract/webhooks";
import { LastFiring } from "@/components/alerts/last-firing";
import { NotAllowed } from "@/components/auth/not-allowed";
import { useCan } from "@/components/auth/use-principal";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { loadState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { AlertRuleForm } from "./alert-rule-form";
import { actionsSummary, conditionsSummary, throttleSummary } from "./alert-rule-labels";
import { SettingsFrame } from "./settings-frame";
import styles from "./settings.module.css";
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
      <div className={styles.cellActions}>
        <button type="button" className="button button-small" onClick={() => edit(r)} aria-label={`Edit ${r.name}`}>
          Edit
        </button>
        <button type="button" className="button button-small button-danger" onClick={() => remove(r)} aria-label={`Delete ${r.name}`}>
          Delete
        </button>
      </div>
    )),
  ];
}

function AlertRules() {
  const client = useQueryClient();
  const rules = useQuery(alertRuleQueries.list());
  const endpoints = useQuery(webhookQueries.list());
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const remove = useMutation({
    mutationFn: (rule: AlertRule) => alertRulesApi.remove(rule.id),
    onSuccess: (_, rule) => {
      void client.invalidateQueries({ queryKey: keys.alertRules.all });
      setDeleting(null);
      if (editing?.id === rule.id) setEditing(null);
      toast.success(`Deleted the rule ${rule.name}`);
    },
  });
  const hooks = endpoints.data?.items;
  const columns = useMemo(
    () =>
      columnsOf(hooks ?? [], setEditing, (r) => {
        remove.reset();
        setDeleting(r);
      }),
    [hooks, remove],
  );
  const items = rules.data?.items ?? [];
  const table = useDataTable({ data: items, columns, getRowId: (r) => r.id });
  const state =
    loadState(rules, { rows: 2, errorTitle: "The rules could not be loaded" }) ??
    (items.length === 0
      ? {
          kind: "message" as const,
          content: (
            <EmptyState title="No rules">
              <p>Nothing is notified. Add a rule above: a toast for every new market is a good start.</p>
            </EmptyState>
          ),
        }
      : undefined);
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
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the rule ${deleting?.name ?? ""}?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        <p>Nothing more is notified for it, and the markets waiting for its next notification are dropped. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

export function AlertRulesPage() {
  const allowed = useCan("alertRules.manage");
  return (
    <SettingsFrame
      title="Alert rules"
      intro="Which newly announced markets notify the team, where (a toast, a webhook endpoint, a chat channel) and at most how often."
    >
      {allowed ? <AlertRules /> : <NotAllowed doing="manage alert rules" needs="admin" />}
    </SettingsFrame>
  );
}
