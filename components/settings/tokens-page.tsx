"use client";
// API tokens: one's own (admins: everyone's, with the owner), creating one (its secret shown once)
// and revoking one, which takes effect at the next request.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "sonner";
import { keys } from "@/lib/api/keys";
import { peopleQueries, tokensApi } from "@/lib/api/people";
import type { ApiToken } from "@/lib/contract/auth";
import { ROLE_LABEL } from "@/components/auth/role-label";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { listState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { ConfirmAction, useConfirmed } from "./confirm-action";
import { RowButton } from "./row-button";
import { SettingsFrame } from "./settings-frame";
import { TokenCreateForm } from "./token-create-form";
import { TableCard } from "./table-card";

const col = columnsFor<ApiToken>();
const when = (iso: string | null, none: string) => (iso ? <RelativeTime iso={iso} /> : <span className="muted">{none}</span>);

function columnsOf(withOwner: boolean, onRevoke: (t: ApiToken) => void): DataColumn<ApiToken>[] {
  return [
    col.accessor("name", { id: "name", header: "Name", meta: { kind: "name", rowHeader: true } }),
    col.accessor("start", {
      id: "start",
      header: "Starts with",
      meta: { width: 120, kind: "mono" },
      cell: (c) => (c.getValue() ? `${c.getValue()}…` : "–"),
    }),
    col.accessor("role", { id: "role", header: "Role", meta: { width: 96 }, cell: ({ row }) => ROLE_LABEL[row.original.role] }),
    ...(withOwner
      ? [col.accessor("ownerName", { id: "owner", header: "Owner", meta: { width: 130 }, cell: (c) => c.getValue() ?? "–" })]
      : []),
    col.accessor("createdAt", {
      id: "createdAt",
      header: "Created",
      // Gives way below 1,280 px so the name keeps 200 px beside the rest without scrolling.
      meta: { width: 120, kind: "time", optional: true },
      cell: (c) => when(c.getValue(), "–"),
    }),
    col.accessor("expiresAt", {
      id: "expiresAt",
      header: "Expires",
      meta: { width: 120, kind: "time" },
      cell: (c) => when(c.getValue(), "Never"),
    }),
    col.accessor("lastUsedAt", {
      id: "lastUsedAt",
      header: "Last used",
      meta: { width: 120, kind: "time" },
      cell: (c) => when(c.getValue(), "Never"),
    }),
    actionsColumn<ApiToken>(100, (t) => (
      <RowButton label={`Revoke ${t.name}`} danger onClick={() => onRevoke(t)}>
        Revoke
      </RowButton>
    )),
  ];
}

function TokensTable({ withOwner }: { withOwner: boolean }) {
  const tokens = useQuery(peopleQueries.tokens());
  const revoking = useConfirmed(
    (token: ApiToken) => tokensApi.revoke(token.id),
    keys.tokens.all,
    (_, token) => toast.success(`Revoked ${token.name}: it no longer works`),
  );
  const ask = revoking.ask;
  const columns = useMemo(() => columnsOf(withOwner, ask), [withOwner, ask]);
  const table = useDataTable({ data: tokens.data?.items ?? [], columns, getRowId: (t) => t.id });
  const count = tokens.data?.items.length;
  const state = listState(
    tokens,
    { rows: 3, errorTitle: "The tokens could not be loaded" },
    <EmptyState title="No tokens yet">
      <p>Create one above for a tool that reads or changes markets through the API.</p>
    </EmptyState>,
  );
  return (
    <TableCard
      titleId="tokens-title"
      title={`${withOwner ? "All tokens" : "Your tokens"}${count ? ` (${count})` : ""}`}
      table={table}
      caption={withOwner ? "All API tokens" : "Your API tokens"}
      state={state}
      rowProps={(row) => ({ "data-token-name": row.original.name })}
    >
      <ConfirmAction
        confirmed={revoking}
        title={`Revoke ${revoking.target?.name ?? ""}?`}
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        danger
      >
        <p>Tools using it get 401 from their next request, and its live connections are closed. This cannot be undone.</p>
      </ConfirmAction>
    </TableCard>
  );
}

export function TokensPage() {
  const me = usePrincipal();
  const seesAll = useCan("tokens.all");
  return (
    <SettingsFrame
      title="API tokens"
      intro="Tokens let other tools call the API as you, with a role up to your own. The secret is shown once, when the token is created."
    >
      {me && <TokenCreateForm ownRole={me.role} />}
      <TokensTable withOwner={seesAll} />
    </SettingsFrame>
  );
}
