"use client";
// Who owns a market's triage: me, nobody, or anyone who can be assigned (GET /api/people). A plain
// labelled select, so it works the same with a mouse, a keyboard and a screen reader.
import { useQuery } from "@tanstack/react-query";
import { viewQueries } from "@/lib/api/views";
import { usePrincipal } from "@/components/auth/use-principal";

const NOBODY = "__nobody";
const UNCHOSEN = "";

interface Props {
  id: string;
  label?: string;
  /** The assignee's user id; null: nobody; undefined: nothing chosen yet (a bulk change's picker). */
  value: string | null | undefined;
  /** The chosen id (null: nobody) and the words for a toast: "you", "Ada Lovelace", "nobody". */
  onChange: (assigneeId: string | null, who: string) => void;
  disabled?: boolean;
  /** Shown while nothing is chosen, e.g. "Assign…". */
  placeholder?: string;
  hideLabel?: boolean;
}

export function AssigneePicker({ id, label = "Assignee", value, onChange, disabled, placeholder = "Assign…", hideLabel }: Props) {
  const me = usePrincipal();
  const people = useQuery(viewQueries.people());
  const others = (people.data?.items ?? []).filter((p) => p.id !== me?.userId);
  const selected = value === undefined ? UNCHOSEN : value === null ? NOBODY : value;
  // Someone not (or no longer) in the people list, e.g. disabled since: still named.
  const unknown = value && value !== me?.userId && !others.some((p) => p.id === value);
  return (
    <span className="field-inline">
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : "field-label"}>
        {label}
      </label>
      <select
        id={id}
        className="select select-small"
        value={selected}
        disabled={disabled}
        data-testid={id}
        onChange={(e) => {
          const v = e.target.value;
          if (v === UNCHOSEN) return;
          if (v === NOBODY) onChange(null, "nobody");
          else onChange(v, v === me?.userId ? "you" : (others.find((p) => p.id === v)?.name ?? "someone else"));
        }}
      >
        {value === undefined && <option value={UNCHOSEN}>{placeholder}</option>}
        {me && <option value={me.userId}>Me ({me.name})</option>}
        <option value={NOBODY}>Nobody (unassign)</option>
        {unknown && <option value={value}>Someone else</option>}
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </span>
  );
}
