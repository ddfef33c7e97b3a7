// A select's choices, and a labelled select in a row of controls (the list filters, the bulk bar,
// the assignee picker, rows per page): one markup and one way to read a choice back, whatever it
// chooses. Form fields bound to react-hook-form use the same options (forms/form-fields.tsx).
import type { ReactNode } from "react";

export interface Choice {
  value: string;
  label: string;
}

/** The <option>s of a select, in order. */
export function Options({ choices }: { choices: readonly Choice[] }): ReactNode {
  return choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));
}

interface Props {
  id: string;
  label: string;
  /** How the label looks: "field" (bold, as in a form), "plain" (as in a filter bar) or "hidden" (for screen readers only). */
  labelStyle?: "field" | "plain" | "hidden";
  small?: boolean;
  value: string;
  choices: readonly Choice[];
  disabled?: boolean;
  testId?: string;
  onChange: (value: string) => void;
}

const LABEL_CLASS = { field: "field-label", plain: undefined, hidden: "visually-hidden" } as const;

export function ChoiceSelect({ id, label, labelStyle = "field", small, value, choices, disabled, testId, onChange }: Props) {
  return (
    <span className="field-inline">
      <label htmlFor={id} className={LABEL_CLASS[labelStyle]}>
        {label}
      </label>
      <select
        id={id}
        className={small ? "select select-small" : "select"}
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        <Options choices={choices} />
      </select>
    </span>
  );
}
