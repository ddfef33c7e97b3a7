import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/contract/audit";
import { describeEntry } from "./describe-entry";

const entry = (action: AuditEntry["action"], before: unknown, after: unknown, actorType: AuditEntry["actorType"] = "user"): AuditEntry => ({
  id: 1,
  entityType: "unmapped_market",
  entityId: "7",
  entityName: null,
  action,
  actorType,
  actorId: null,
  actor: "Ada",
  before,
  after,
  reason: null,
  createdAt: "2026-12-06T10:00:00.000Z",
});

describe("triage entries in words", () => {
  it("reads an assignee recorded as a person or as an id and a name", () => {
    expect(describeEntry(entry("assignee_changed", { assignee: null }, { assignee: { id: "u1", name: "Ada" } }))).toEqual({
      kind: "assignee",
      before: null,
      after: "Ada",
    });
    expect(describeEntry(entry("assignee_changed", { assigneeId: "u1", assigneeName: "Ada" }, { assigneeId: null }))).toEqual({
      kind: "assignee",
      before: "Ada",
      after: null,
    });
  });

  it("reads a snooze's condition, and whether the scraper ended it because it was met", () => {
    expect(describeEntry(entry("snoozed", { snooze: null }, { status: "IGNORED", snooze: { sightings: 3 } }))).toEqual({
      kind: "snoozed",
      condition: { sightings: 3 },
    });
    expect(describeEntry(entry("unsnoozed", { sightings: 3, escalating: false }, { snooze: null }, "scraper"))).toEqual({
      kind: "unsnoozed",
      condition: { sightings: 3, escalating: false },
      met: true,
    });
    expect(describeEntry(entry("unsnoozed", "garbage", null))).toEqual({ kind: "unsnoozed", condition: null, met: false });
    expect(describeEntry(entry("escalated", null, { sightings: 90 }, "scraper"))).toEqual({ kind: "escalated" });
  });
});

describe("mapping entries in words", () => {
  it("reads a dismissed coverage alert as the platform's market and what happened to it", () => {
    const after = { alertId: 4, platform: "bet9ja", marketKey: "S_OU", kind: "dropped" };
    expect(describeEntry({ ...entry("coverage_alert_dismissed", null, after), entityType: "mapping", entityId: "over_under_ft" })).toEqual({
      kind: "mapping",
      title: "Coverage alert dismissed",
      changes: [],
      summary: "Bet9ja S_OU: no longer offered",
    });
    // A snapshot that does not parse is not described, never a crash.
    expect(describeEntry(entry("coverage_alert_dismissed", null, { kind: "gone" }))).toMatchObject({
      title: "Coverage alert dismissed",
      summary: null,
    });
  });
});
