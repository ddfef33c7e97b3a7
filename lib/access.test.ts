import { describe, expect, it } from "vitest";
import { can, type Action } from "./access";
import { ROLES, type Role } from "./contract/auth";

describe("can", () => {
  it("gives each role what the issue lists: viewer reads, triager changes markets and mappings, admin everything", () => {
    const table: Record<Action, Role[]> = {
      "market.triage": ["triager", "admin"],
      "comment.write": ["triager", "admin"],
      "comment.moderate": ["admin"],
      "market.map": ["triager", "admin"],
      "mapping.edit": ["triager", "admin"],
      "scrape.start": ["admin"],
      "users.manage": ["admin"],
      "tokens.all": ["admin"],
      "webhooks.manage": ["admin"],
      "alertRules.manage": ["admin"],
    };
    for (const [action, allowed] of Object.entries(table) as [Action, Role[]][]) {
      for (const role of ROLES) expect(can(role, action), `${role} ${action}`).toBe(allowed.includes(role));
    }
  });

  it("gives nobody anything", () => {
    expect(can(null, "market.triage")).toBe(false);
    expect(can(undefined, "tokens.all")).toBe(false);
  });
});
