import { describe, expect, it } from "vitest";
import type { MappingDetail } from "@/lib/contract/mappings";
import { tacklesMapping } from "./test-fixtures";
import { draftOf, mappingCreateFormSchema, mappingEditSchema, patchOf, rebase, type MappingDraft } from "./mapping-draft";

const base = tacklesMapping;

const next = (change: Partial<MappingDetail>): MappingDetail => ({ ...base, version: 2, updatedAt: "2026-11-26T10:05:00.000Z", ...change });

describe("rebase: a draft carried over onto someone else's newer save", () => {
  it("fields the user left alone take the new values; nothing conflicts", () => {
    const draft: MappingDraft = { ...draftOf(base), name: "Tackles O/U", reason: "shorter" };
    const merged = rebase(draft, base, next({ betpawaId: "880002" }));
    expect(merged.conflicts).toEqual([]);
    expect(merged.draft).toMatchObject({ name: "Tackles O/U", betpawaId: "880002", reason: "shorter" });
  });

  it("a field both changed keeps the user's value and is named", () => {
    const draft = { ...draftOf(base), betpawaId: "880003" };
    const merged = rebase(draft, base, next({ betpawaId: "880002", name: "Renamed elsewhere" }));
    expect(merged.conflicts).toEqual(["the betpawa id"]);
    expect(merged.draft).toMatchObject({ betpawaId: "880003", name: "Renamed elsewhere" });
  });

  it("both changing a field to the same value is no conflict", () => {
    const draft = { ...draftOf(base), bet9jaKey: "S_TACKLES" };
    expect(rebase(draft, base, next({ bet9jaKey: "S_TACKLES" })).conflicts).toEqual([]);
  });

  it("outcomes merge as a whole: untouched ones follow, edited ones stay and conflict when both changed them", () => {
    const theirs = next({
      outcomes: [...base.outcomes, { canonicalId: "exactly_3", betpawaName: "3", sportybetDesc: null, bet9jaSuffix: "E3", position: 2 }],
    });
    expect(rebase(draftOf(base), base, theirs).draft.outcomes.map((o) => o.canonicalId)).toEqual(["over", "under", "exactly_3"]);

    const mine = draftOf(base);
    mine.outcomes[0] = { ...mine.outcomes[0], betpawaName: "Over (tackles)" };
    const merged = rebase(mine, base, theirs);
    expect(merged.conflicts).toEqual(["the outcomes"]);
    expect(merged.draft.outcomes[0].betpawaName).toBe("Over (tackles)");
    expect(rebase(mine, base, next({ name: "x" })).draft.outcomes[0].betpawaName).toBe("Over (tackles)");
  });

  it("blanks around a value are not a change", () => {
    const draft = { ...draftOf(base), name: `  ${base.name} ` };
    expect(rebase(draft, base, next({ name: "Renamed elsewhere" }))).toMatchObject({ conflicts: [], draft: { name: "Renamed elsewhere" } });
  });
});

describe("the form validates with the contract", () => {
  it("turns empty texts into null and positions into list order", () => {
    const parsed = mappingEditSchema.parse({ ...draftOf(base), sportybetId: "  ", reason: "checked" });
    expect(parsed).toMatchObject({ sportybetId: null, bet9jaKey: "S_TACK", reason: "checked" });
    expect(parsed.outcomes.map((o) => [o.canonicalId, o.sportybetDesc, o.position])).toEqual([
      ["over", null, 0],
      ["under", null, 1],
    ]);
  });

  it("puts the contract's messages on the form's field paths", () => {
    const draft = draftOf(base);
    draft.outcomes[1].canonicalId = "Exactly 3";
    draft.bet9jaKey = "OU";
    const issues = mappingEditSchema.safeParse({ ...draft, name: " ", reason: "" }).error?.issues ?? [];
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({
      name: "a name is required",
      bet9jaKey: "a Bet9ja market key starts with S_, e.g. S_OU",
      "outcomes.1.canonicalId": "use lower-case letters, digits and _ only",
      reason: "say why: it is kept in the history",
    });
  });

  it("needs a platform id, and a valid id when creating", () => {
    const noIds = mappingEditSchema.safeParse({ ...draftOf(base), bet9jaKey: "", reason: "x" }).error?.issues ?? [];
    expect(noIds.map((i) => [i.path.join("."), i.message])).toEqual([
      ["sportybetId", "give at least one platform id (sportybetId or bet9jaKey)"],
    ]);
    const created = mappingCreateFormSchema.safeParse({ ...draftOf(base), canonicalId: "new", reason: "x" }).error?.issues ?? [];
    expect(created.map((i) => i.path.join("."))).toEqual(["canonicalId"]);
  });
});

describe("patchOf", () => {
  it("sends only what differs from the version the edit started from", () => {
    const values = mappingEditSchema.parse({ ...draftOf(base), betpawaId: "", reason: "x" });
    expect(patchOf(values, base)).toEqual({ betpawaId: null });
    const reordered = mappingEditSchema.parse({ ...draftOf(base), outcomes: draftOf(base).outcomes.reverse(), reason: "x" });
    expect(patchOf(reordered, base).outcomes?.map((o) => [o.canonicalId, o.position])).toEqual([
      ["under", 0],
      ["over", 1],
    ]);
    expect(patchOf(mappingEditSchema.parse({ ...draftOf(base), reason: "x" }), base)).toEqual({});
  });
});
