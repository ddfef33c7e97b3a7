import { describe, expect, it } from "vitest";
import type { Candidates } from "@/lib/contract/mappings";
import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { defaultMode, extendDraftOf, initialValues, needsDraft, newDraftOf, targetReducer, type MapFormValues } from "./map-draft";
import { formFieldOf, previewOf, requestBody } from "./map-request";
import { mapFormSchema, type TargetContext } from "./map-rules";
import { bet9jaMapping } from "../test-fixtures";

const market: UnmappedDetail = {
  id: 7,
  source: "sportybet",
  externalMarketId: "900069",
  marketName: "1X2 from 1 to 5 minute",
  reason: "UNKNOWN_MARKET",
  status: "NEW",
  occurrenceCount: 1032,
  firstSeenAt: "2026-11-20T10:00:00.000Z",
  lastSeenAt: "2026-11-26T10:00:00.000Z",
  regressedAt: null,
  nextKickoffAt: null,
  priorityScore: 6.9,
  assignee: null,
  escalating: false,
  snooze: null,
  sampleOutcomes: [
    { name: "Home", odds: 2.1 },
    { name: "Draw", odds: 3.2 },
    { name: "Away", odds: 3.9 },
    { name: "home", odds: null },
  ],
  specifiers: ["from=1|to=5"],
  notes: null,
  updatedAt: "2026-11-26T10:00:00.000Z",
  version: 1,
  mappedAt: null,
  mappingCanonicalId: null,
  impact: null,
};

const mapping = bet9jaMapping(
  {
    canonicalId: "1x2_5min",
    name: "1X2 - 1 to 5 minutes",
    origin: "builtin",
    betpawaId: "5001",
    bet9jaKey: "S_1X25",
    priority: 0,
    version: null,
    updatedAt: null,
  },
  [
    ["home", "1", "1"],
    ["draw", "X", "X"],
    ["away", null, "2"],
  ],
);

const samples = market.sampleOutcomes.map((o) => o.name);
const extendCtx: TargetContext = { source: "sportybet", mapping, occupiedBy: null, idTaken: false };
const newCtx: TargetContext = { source: "sportybet", mapping: null, occupiedBy: null, idTaken: false };
const issuesOf = (v: MapFormValues, ctx: TargetContext) =>
  Object.fromEntries((mapFormSchema(ctx).safeParse(v).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the target reducer", () => {
  it("builds the rows of a picked mapping once per version, and afresh on another pick", () => {
    let state = targetReducer({ pick: null, drafted: null }, { type: "pick", canonicalId: mapping.canonicalId, pairings: null });
    expect(needsDraft(state, null)).toBe(false);
    expect(needsDraft(state, mapping)).toBe(true);
    state = targetReducer(state, { type: "drafted", mapping });
    expect(needsDraft(state, mapping)).toBe(false);
    // Saved meanwhile as a user override: a new version, rows built again.
    expect(needsDraft(state, { ...mapping, origin: "user", version: 1 })).toBe(true);
    expect(needsDraft(state, { ...mapping, canonicalId: "other" })).toBe(false);
    state = targetReducer(state, { type: "pick", canonicalId: mapping.canonicalId, pairings: [] });
    expect(needsDraft(state, mapping)).toBe(true);
  });

  it("starts on extend only when a free suggestion is convincing", () => {
    const candidate = (score: number, occupied: boolean): Candidates["mappings"][number] => ({
      canonicalId: "x",
      name: "x",
      origin: "builtin",
      betpawaId: null,
      score,
      reasons: [],
      features: { name: score, outcomes: score, lines: 1, prices: null },
      price: null,
      safeToAccept: false,
      occupied,
      pairings: [],
    });
    expect(defaultMode(undefined)).toBe("new");
    expect(defaultMode({ mappings: [candidate(0.9, true), candidate(0.5, false)], markets: [] })).toBe("new");
    expect(defaultMode({ mappings: [candidate(0.6, false)], markets: [] })).toBe("extend");
  });
});

describe("drafts", () => {
  it("pairs outcomes from the suggestion, pre-selecting only confident ones, each name once", () => {
    const draft = extendDraftOf(mapping, "sportybet", samples, [
      { sampleName: "Home", canonicalOutcomeId: "home", betpawaName: "1", confidence: 0.95 },
      { sampleName: "Draw", canonicalOutcomeId: "draw", betpawaName: "X", confidence: 0.4 },
      { sampleName: "Home", canonicalOutcomeId: "away", betpawaName: null, confidence: 0.9 },
    ]);
    expect(draft.rows.map((r) => [r.outcomeId, r.sample, r.betpawaName])).toEqual([
      ["home", "Home", "1"],
      ["draw", "", "X"],
      ["away", "", ""],
    ]);
    expect(draft.rows[1].suggested).toEqual({ sample: "Draw", confidence: 0.4 });
    expect(draft).toMatchObject({ name: mapping.name, betpawaId: "5001" });
  });

  it("without a suggestion, matches names exactly (ignoring case) against the outcome's names and id", () => {
    const draft = extendDraftOf(mapping, "sportybet", samples, null);
    expect(draft.rows.map((r) => r.sample)).toEqual(["Home", "Draw", "Away"]);
    // "home" (lower case) is a second outcome of the market: each name is paired once.
    expect(draft.rows.filter((r) => r.sample.toLowerCase() === "home")).toHaveLength(1);
  });

  it("starts a new mapping with one row per outcome, unique ids slugged from the names", () => {
    const fresh = newDraftOf(market);
    expect(fresh).toMatchObject({ canonicalId: "1x2_from_1_to_5_minute", name: market.marketName, betpawaId: "" });
    expect(fresh.rows.map((r) => [r.sample, r.canonicalId, r.include, r.custom])).toEqual([
      ["Home", "home", true, false],
      ["Draw", "draw", true, false],
      ["Away", "away", true, false],
      ["home", "home_2", true, false],
    ]);
  });
});

describe("rules", () => {
  const values = (change: Partial<MapFormValues> = {}): MapFormValues => ({ ...initialValues(market), ...change });

  it("a new mapping needs a valid free id, a betpawa id, a reason and a paired outcome", () => {
    const v = values();
    v.fresh = { ...v.fresh, canonicalId: "Bad Id", betpawaId: "" };
    v.fresh.rows = v.fresh.rows.map((r) => ({ ...r, betpawaName: "" }));
    expect(issuesOf(v, newCtx)).toEqual({
      reason: "say why: it is kept in the history",
      "fresh.canonicalId": "use lower-case letters, digits and _ only",
      "fresh.betpawaId": "the betpawa market id is required for a new mapping",
      outcomes: "give at least one outcome a betpawa name, or the market stays unmapped",
    });
    const taken = values({ reason: "ok" });
    taken.fresh = { ...taken.fresh, betpawaId: "1" };
    expect(issuesOf(taken, { ...newCtx, idTaken: true })).toEqual({
      "fresh.canonicalId": "an active mapping already has this id: pick another id, or extend that mapping",
    });
  });

  it("checks only included rows: ids unique and valid, hand-made rows named", () => {
    const v = values({ reason: "ok" });
    v.fresh = { ...v.fresh, betpawaId: "1" };
    v.fresh.rows[1] = { ...v.fresh.rows[1], canonicalId: "home" };
    v.fresh.rows[3] = { ...v.fresh.rows[3], include: false, canonicalId: "NOT CHECKED" };
    v.fresh.rows.push({ sample: " ", custom: true, include: true, canonicalId: "extra", betpawaName: "Extra" });
    expect(issuesOf(v, newCtx)).toEqual({
      "fresh.rows.1.canonicalId": "duplicate of row 1",
      "fresh.rows.4.sample": "the platform's outcome name is required",
    });
  });

  it("extending needs a picked mapping that is free, a betpawa id and each market outcome paired once", () => {
    expect(issuesOf(values({ mode: "extend", reason: "ok" }), newCtx)).toEqual({
      target: "pick the mapping to extend: a suggestion, or search for one",
    });
    const v = values({ mode: "extend", reason: "ok", extend: extendDraftOf(mapping, "sportybet", samples, null) });
    v.extend.rows[2] = { ...v.extend.rows[2], sample: "Home" };
    expect(issuesOf(v, { ...extendCtx, occupiedBy: "123" })).toEqual({
      target: "this mapping already maps sportybet 123; a mapping takes one market per platform",
      "extend.rows.2.sample": "“Home” is already paired in row 1",
    });
  });
});

describe("request and preview", () => {
  it("extending sends the mapping's outcomes with this platform's names, and only changed fields", () => {
    const v = {
      ...initialValues(market),
      mode: "extend" as const,
      reason: " checked ",
      extend: extendDraftOf(mapping, "sportybet", samples, null),
    };
    v.extend.rows[2] = { ...v.extend.rows[2], betpawaName: "2" };
    const body = requestBody(v, extendCtx);
    expect(body).toEqual({
      canonicalId: "1x2_5min",
      reason: "checked",
      outcomes: [
        { canonicalId: "home", betpawaName: "1", sportybetDesc: "Home", bet9jaSuffix: "1", position: 0 },
        { canonicalId: "draw", betpawaName: "X", sportybetDesc: "Draw", bet9jaSuffix: "X", position: 1 },
        { canonicalId: "away", betpawaName: "2", sportybetDesc: "Away", bet9jaSuffix: "2", position: 2 },
      ],
    });
    const preview = previewOf(v, extendCtx, market);
    expect(preview).toMatchObject({ sportybetId: "900069", bet9jaKey: "S_1X25", overridesBuiltin: true });
    expect([...(preview?.changed ?? [])].sort()).toEqual([
      "away:betpawaName",
      "away:sportybetDesc",
      "draw:sportybetDesc",
      "home:sportybetDesc",
      "sportybetId",
    ]);
  });

  it("a new mapping sends the included rows, positions in list order", () => {
    const v = initialValues(market);
    v.fresh.rows[0] = { ...v.fresh.rows[0], include: false };
    expect(
      requestBody({ ...v, fresh: { ...v.fresh, betpawaId: " 77 " } }, newCtx)?.outcomes?.map((o) => [
        o.canonicalId,
        o.sportybetDesc,
        o.position,
      ]),
    ).toEqual([
      ["draw", "Draw", 0],
      ["away", "Away", 1],
      ["home_2", "home", 2],
    ]);
    expect(requestBody({ ...v, mode: "extend" }, newCtx)).toBeNull();
  });

  it("a server error about an outcome lands on the row it came from", () => {
    const v = initialValues(market);
    v.fresh.rows[0] = { ...v.fresh.rows[0], include: false };
    expect(formFieldOf("body.outcomes.0.canonicalId", v, "sportybet")).toBe("fresh.rows.1.canonicalId");
    expect(formFieldOf("body.outcomes.2.sportybetDesc", v, "sportybet")).toBe("fresh.rows.3.sample");
    expect(formFieldOf("body.betpawaId", v, "sportybet")).toBe("fresh.betpawaId");
    expect(formFieldOf("body.bet9jaKey", v, "sportybet")).toBe("target");
    expect(formFieldOf("body.outcomes.1.betpawaName", { ...v, mode: "extend" }, "sportybet")).toBe("extend.rows.1.betpawaName");
    expect(formFieldOf("query.page", v, "sportybet")).toBeNull();
  });
});
