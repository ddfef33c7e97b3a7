"use client";
// API tokens: one's own (admins: everyone's, with the owner), creating one (its secret shown once)
// and revoking one, which takes effect at the next request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { peopleQueries, tokensApi } from "@/lib/api/people";
import type { ApiToken } from "@/lib/contract/auth";
import { ROLE_LABEL } from "@/components/auth/role-label";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { actionsColumn, columnsFor, type DataColumn } from "@/components/data-table/features";
import { loadState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
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
  const client = useQueryClient();
  const tokens = useQuery(peopleQueries.tokens());
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => tokensApi.revoke(token.id),
    onSuccess: (_, token) => {
      void client.invalidateQueries({ queryKey: keys.tokens.all });
      setRevoking(null);
      toast.success(`Revoked ${token.name}: it no longer works`);
    },
  });
  const columns = useMemo(() => columnsOf(withOwner, (t) => (revoke.reset(), setRevoking(t))), [withOwner, revoke]);
  const table = useDataTable({ data: tokens.data?.items ?? [], columns, getRowId: (t) => t.id });
  const count = tokens.data?.items.length;
  const state =
    loadState(tokens, { rows: 3, errorTitle: "The tokens could not be loaded" }) ??
    (count === 0
      ? {
          kind: "message" as const,
          content: (
            <EmptyState title="No tokens yet">
              <p>Create one above for a tool that reads or changes markets through the API.</p>
            </EmptyState>
          ),
        }
      : undefined);
  return (
    <TableCard
      titleId="tokens-title"
      title={`${withOwner ? "All tokens" : "Your tokens"}${count ? ` (${count})` : ""}`}
      table={table}
      caption={withOwner ? "All API tokens" : "Your API tokens"}
      state={state}
      rowProps={(row) => ({ "data-token-name": row.original.name })}
    >
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        <p>Tools using it get 401 from their next request, and its live connections are closed. This cannot be undone.</p>
      </ConfirmDialog>
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
