"use client";
// People (admins only): everyone with an account, their role (changed in place), whether they are
// disabled (a disabled person's sessions and tokens stop working at once), when they were last
// seen; inviting someone and setting a new password for them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { peopleQueries, usersApi } from "@/lib/api/people";
import type { Role, User, UserPatch } from "@/lib/contract/auth";
import { ROLE_LABEL } from "@/components/auth/role-label";
import { NotAllowed } from "@/components/auth/not-allowed";
import { useCan, usePrincipal } from "@/components/auth/use-principal";
import { actionsColumn, columnsFor } from "@/components/data-table/features";
import { loadState } from "@/components/data-table/load-state";
import { useDataTable } from "@/components/data-table/use-data-table";
import { Options } from "@/components/ui/choice-select";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { InviteForm, ROLE_OPTIONS } from "./invite-form";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { RowButton } from "./row-button";
import { SettingsFrame } from "./settings-frame";
import styles from "./settings.module.css";
import { TableCard } from "./table-card";

const col = columnsFor<User>();

interface Handlers {
  me: string | null;
  saving: (userId: string) => boolean;
  onRole: (user: User, role: Role) => void;
  onDisabled: (user: User) => void;
  onReset: (user: User) => void;
}

function columnsOf(h: Handlers) {
  return [
    col.accessor("name", { id: "name", header: "Name", meta: { kind: "name", rowHeader: true } }),
    col.accessor("email", { id: "email", header: "Email", meta: { width: 224 } }),
    col.accessor("role", {
      id: "role",
      header: "Role",
      meta: { width: 130 },
      cell: ({ row: { original: u } }) => (
        <select
          className="select select-cell"
          value={u.role}
          aria-label={`Role of ${u.name}`}
          disabled={h.saving(u.id)}
          onChange={(e) => h.onRole(u, e.target.value as Role)}
        >
          <Options choices={ROLE_OPTIONS} />
        </select>
      ),
    }),
    col.accessor("disabled", {
      id: "disabled",
      header: "Disabled",
      meta: { width: 110 },
      cell: ({ row: { original: u } }) => (
        <label className={styles.switch}>
          <input
            type="checkbox"
            role="switch"
            checked={u.disabled}
            // Yourself: an admin who disables their own account locks themselves out.
            disabled={h.saving(u.id) || u.id === h.me}
            aria-label={`${u.name} is disabled`}
            // The box changes only once the server confirms: the dialog asks first.
            onChange={(e) => {
              e.preventDefault();
              h.onDisabled(u);
            }}
          />
          <span aria-hidden="true">{u.disabled ? "Yes" : "No"}</span>
        </label>
      ),
    }),
    col.accessor("lastSeenAt", {
      id: "lastSeenAt",
      header: "Last seen",
      meta: { width: 130, kind: "time" },
      cell: (c) => {
        const at = c.getValue();
        return at ? <RelativeTime iso={at} /> : <span className="muted">Never</span>;
      },
    }),
    actionsColumn<User>(150, (u) => (
      <RowButton label={`Reset the password of ${u.name}`} onClick={() => h.onReset(u)}>
        Reset password
      </RowButton>
    )),
  ];
}

function PeopleTable() {
  const client = useQueryClient();
  const me = usePrincipal();
  const users = useQuery(peopleQueries.users());
  const [confirming, setConfirming] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const update = useMutation({
    mutationFn: ({ user, patch }: { user: User; patch: UserPatch }) => usersApi.update(user.id, patch),
    onSuccess: (saved, { patch }) => {
      void client.invalidateQueries({ queryKey: keys.users.all });
      setConfirming(null);
      if (patch.role) toast.success(`${saved.name} is now ${ROLE_LABEL[saved.role].toLowerCase()}`);
      else toast.success(saved.disabled ? `${saved.name} is disabled: signed out everywhere` : `${saved.name} can sign in again`);
    },
    // A role change has no dialog to show its refusal in.
    onError: (e, { patch }) => patch.role && toast.error(`Role not changed: ${errorMessage(e)}`),
  });
  const columns = useMemo(
    () =>
      columnsOf({
        me: me?.userId ?? null,
        saving: (id) => update.isPending && update.variables?.user.id === id,
        onRole: (user, role) => update.mutate({ user, patch: { role } }),
        onDisabled: (user) => {
          update.reset();
          setConfirming(user);
        },
        onReset: setResetting,
      }),
    [me?.userId, update],
  );
  const table = useDataTable({ data: users.data?.items ?? [], columns, getRowId: (u) => u.id });
  const count = users.data?.items.length;
  return (
    <TableCard
      titleId="people-title"
      title={`People${count !== undefined ? ` (${count})` : ""}`}
      table={table}
      caption="People"
      state={loadState(users, { rows: 4, errorTitle: "The people could not be loaded" })}
      rowProps={(row) => ({ "data-email": row.original.email })}
    >
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.disabled ? `Enable ${confirming.name}?` : `Disable ${confirming?.name ?? ""}?`}
        confirmLabel={confirming?.disabled ? "Enable" : "Disable"}
        pendingLabel="Saving…"
        danger={!confirming?.disabled}
        pending={update.isPending}
        error={update.error && !update.variables?.patch.role ? errorMessage(update.error) : null}
        onConfirm={() => confirming && update.mutate({ user: confirming, patch: { disabled: !confirming.disabled } })}
        onClose={() => setConfirming(null)}
      >
        <p>
          {confirming?.disabled
            ? "They can sign in again, and their tokens work again."
            : "They are signed out everywhere at once, their API tokens stop working, and they cannot sign in until enabled again."}
        </p>
      </ConfirmDialog>
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </TableCard>
  );
}

export function UsersPage() {
  const allowed = useCan("users.manage");
  return (
    <SettingsFrame title="People" intro="Everyone who can sign in, and what they may do. Invite someone by creating their account.">
      {allowed ? (
        <>
          <InviteForm />
          <PeopleTable />
        </>
      ) : (
        <NotAllowed doing="manage people" needs="admin" />
      )}
    </SettingsFrame>
  );
}
