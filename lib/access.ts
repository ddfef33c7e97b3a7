// What each role may do in the UI, from the same ordering the server enforces (roleAtLeast). The
// UI hides what a role cannot do; the server refuses it regardless.
import { roleAtLeast, type Role } from "@/lib/contract/auth";

const NEEDED = {
  /** Status, notes (and the keyboard shortcuts that set a status). */
  "market.triage": "triager",
  /** Comment on a market, and edit or delete one's own comments. */
  "comment.write": "triager",
  /** Edit or delete anyone's comment. */
  "comment.moderate": "admin",
  /** "Map this market". */
  "market.map": "triager",
  /** New, edit, override, deactivate a mapping. */
  "mapping.edit": "triager",
  "scrape.start": "admin",
  /** People and settings. */
  "users.manage": "admin",
  /** Every person's tokens, not only one's own. */
  "tokens.all": "admin",
  /** Webhook endpoints, their secrets and delivery log. */
  "webhooks.manage": "admin",
  /** Alert rules: what is notified, where, how often. */
  "alertRules.manage": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof NEEDED;

/** Whether someone with `role` (null: nobody signed in) may do `action`. */
export const can = (role: Role | null | undefined, action: Action): boolean => role != null && roleAtLeast(role, NEEDED[action]);
