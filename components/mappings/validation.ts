// Client-side checks that mirror the contract's rules for the obvious mistakes, keyed by the same
// field paths the server uses in problem+json errors ("body.name", "body.outcomes.2.canonicalId"),
// so client and server messages land beside the same fields.
import { slugSchema } from "@/lib/contract/mappings";

export type FieldErrors = Record<string, string>;

const BET9JA_KEY = /^S_[A-Za-z0-9@.\-+/:]+$/;
export const REASON_LIMIT = 500;

/** The server's slug for a canonical id: lower-case letters, digits and _. */
export function slugify(text: string, max = 60): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, max)
      .replace(/_+$/, "") || ""
  );
}

export function checkSlug(value: string, what = "canonical id"): string | null {
  if (!value.trim()) return `a ${what} is required`;
  const r = slugSchema.safeParse(value.trim());
  return r.success ? null : (r.error.issues[0]?.message ?? "invalid");
}

export function checkText(value: string, what: string, max: number, required = true): string | null {
  const v = value.trim();
  if (!v) return required ? `${what} is required` : null;
  if (v.length > max) return `${what} can be at most ${max} characters`;
  return null;
}

export function checkPlatformId(value: string, what: string): string | null {
  const v = value.trim();
  if (v.length > 100) return `${what} can be at most 100 characters`;
  return null;
}

export function checkBet9jaKey(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (v.length > 100) return "a Bet9ja key can be at most 100 characters";
  return BET9JA_KEY.test(v) ? null : "a Bet9ja market key starts with S_, e.g. S_OU";
}

export function checkReason(value: string): string | null {
  const v = value.trim();
  if (!v) return "say why: it is kept in the history";
  if (v.length > REASON_LIMIT) return `reason can be at most ${REASON_LIMIT} characters`;
  return null;
}

/** Outcome ids: valid slugs, unique. Adds errors under body.outcomes.<i>.canonicalId. */
export function checkOutcomeIds(ids: string[], errors: FieldErrors): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const problem = checkSlug(id, "outcome id");
    if (problem) errors[`body.outcomes.${i}.canonicalId`] = problem;
    else if (seen.has(id.trim())) errors[`body.outcomes.${i}.canonicalId`] = `duplicate of row ${(seen.get(id.trim()) ?? 0) + 1}`;
    else seen.set(id.trim(), i);
  });
}

export const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/** "" -> null, otherwise trimmed. */
export const orNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());
