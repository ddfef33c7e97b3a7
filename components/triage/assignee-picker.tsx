"use client";
// Who owns a market's triage, picked from me, nobody, or anyone who can be assigned (GET
// /api/people): one select for assigning (the market page, the bulk bar) and for the list's
// assignee filter, which only name the fixed choices differently. A plain labelled select, so it
// works the same with a mouse, a keyboard and a screen reader.
import { useQuery } from "@tanstack/react-query";
import { viewQueries } from "@/lib/api/views";
import { usePrincipal } from "@/components/auth/use-principal";
import { ChoiceSelect, type Choice } from "@/components/ui/choice-select";

/**
 * The fixed choices first (me, nobody, …), then everyone else who can be assigned; a value that is
 * neither (someone not, or no longer, in the people list, e.g. disabled since) is still shown, as
 * "Someone else". `onChange` gets the value and, for a person, their name.
 */
function PeopleSelect({
  fixed,
  value,
  onChange,
  ...select
}: Omit<Parameters<typeof ChoiceSelect>[0], "choices" | "onChange"> & {
  fixed: Choice[];
  onChange: (value: string, name: string | undefined) => void;
}) {
  const me = usePrincipal();
  const people = useQuery(viewQueries.people());
  const others = (people.data?.items ?? []).filter((p) => p.id !== me?.userId);
  const unknown = value !== "" && !fixed.some((c) => c.value === value) && !others.some((p) => p.id === value);
  const choices = [
    ...fixed,
    ...(unknown ? [{ value, label: "Someone else" }] : []),
    ...others.map((p) => ({ value: p.id, label: p.name })),
  ];
  return <ChoiceSelect {...select} value={value} choices={choices} onChange={(v) => onChange(v, others.find((p) => p.id === v)?.name)} />;
}

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
  const fixed = [
    ...(value === undefined ? [{ value: UNCHOSEN, label: placeholder }] : []),
    ...(me ? [{ value: me.userId, label: `Me (${me.name})` }] : []),
    { value: NOBODY, label: "Nobody (unassign)" },
  ];
  return (
    <PeopleSelect
      id={id}
      testId={id}
      label={label}
      labelStyle={hideLabel ? "hidden" : "field"}
      small
      disabled={disabled}
      fixed={fixed}
      value={value === undefined ? UNCHOSEN : (value ?? NOBODY)}
      onChange={(v, name) => {
        if (v === UNCHOSEN) return;
        if (v === NOBODY) onChange(null, "nobody");
        else onChange(v, v === me?.userId ? "you" : (name ?? "someone else"));
      }}
    />
  );
}

/** The API's filter words: anyone (no filter), me, none (nobody), or a user id. */
const ANYONE: Choice[] = [
  { value: "", label: "Anyone" },
  { value: "me", label: "Me" },
  { value: "none", label: "Nobody" },
];

/** The list's assignee filter (the API's assignee=me|none|<id>); null: anyone. */
export function AssigneeFilter({ value, onChange }: { value: string | null; onChange: (assignee: string | null) => void }) {
  return (
    <PeopleSelect
      id="filter-assignee"
      label="Assignee"
      labelStyle="plain"
      fixed={ANYONE}
      value={value ?? ""}
      onChange={(v) => onChange(v || null)}
    />
  );
}
