"use client";
// The list's assignee filter: anyone, me, nobody, or one person (the API's assignee=me|none|<id>).
import { useQuery } from "@tanstack/react-query";
import { viewQueries } from "@/lib/api/views";
import { usePrincipal } from "@/components/auth/use-principal";

export function AssigneeFilter({ value, onChange }: { value: string | null; onChange: (assignee: string | null) => void }) {
  const me = usePrincipal();
  const people = useQuery(viewQueries.people());
  const others = (people.data?.items ?? []).filter((p) => p.id !== me?.userId);
  const known = value === null || value === "me" || value === "none" || others.some((p) => p.id === value);
  return (
    <div className="field-inline">
      <label htmlFor="filter-assignee">Assignee</label>
      <select id="filter-assignee" className="select" value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        <option value="none">Nobody</option>
        {!known && value && <option value={value}>Someone else</option>}
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
