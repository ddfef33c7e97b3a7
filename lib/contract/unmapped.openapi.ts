// The unmapped-market operations: list, detail, triage edit, map, candidates, history.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { idParamsSchema } from "./common";
import { candidatesSchema, mapMarketSchema, mapResultSchema } from "./mappings";
import { mapCheckSchema } from "./price-check";
import { etagHeader, history, jsonAnswer, listAnswer, operation, problem, read, versionedEdit } from "./openapi-kit";
import {
  bulkRequestSchema,
  changeResultSchema,
  trendQuerySchema,
  trendSchema,
  unmappedDetailSchema,
  unmappedEditedSchema,
  unmappedListQuerySchema,
  unmappedListSchema,
  unmappedPatchSchema,
} from "./unmapped";
import { UNMAPPED_CSV_COLUMNS, unmappedExportQuerySchema } from "./unmapped-export";

export const unmappedPaths: ZodOpenApiPathsObject = {
  "/api/unmapped": {
    get: read("listUnmapped", "List unmapped markets", {
      description:
        "Filtered, sorted and paged in the database. Ties are broken by id in the same direction, so pages are stable. " +
        "priorityScore = ln(1 + occurrenceCount) - days since lastSeenAt + 2 / (1 + h / 6), h = hours from lastSeenAt to " +
        "nextKickoffAt (the term is 0 without one). With only source/status/reason filters total is exact; " +
        "with q, minOccurrences, assignee or escalating it is counted up to 10,000 (totalCapped). assignee=me is the caller (a token: " +
        "its owner). With trendRuns=n each item carries its sightings in each of the last n runs that are over, oldest first.",
      query: unmappedListQuerySchema,
      ok: listAnswer(unmappedListSchema, "One page of markets"),
    }),
  },
  // Before /api/unmapped/{id}: the request gate takes the first path that matches.
  "/api/unmapped/export.csv": {
    get: read("exportUnmappedCsv", "Every market the list's filters match, in its sort, as CSV", {
      description:
        "The list's filters and sort (GET /api/unmapped) without paging: every matching market, streamed in keyset batches " +
        "(constant memory). RFC 4180 (CRLF, fields with commas, quotes or line breaks quoted, quotes doubled), UTF-8, a header row: " +
        `${UNMAPPED_CSV_COLUMNS.join(", ")}. lines are the lines seen, separated by "; "; assignee is the name. ` +
        "A text cell starting with =, +, -, @, tab or CR is prefixed with ' so that spreadsheets do not run it as a formula.",
      query: unmappedExportQuerySchema,
      ok: {
        description: "The CSV file",
        content: { "text/csv": { schema: z.string() } },
        headers: {
          "Content-Disposition": {
            description: 'attachment; filename="unmapped-markets-<YYYY-MM-DD>.csv"',
            schema: { type: "string" as const },
          },
        },
      },
    }),
  },
  "/api/unmapped/bulk": {
    post: operation("triager", "bulkUpdateUnmapped", "Change many markets at once: status, assignee, snooze, or a note added", {
      description:
        "{ ids } or { filter } (the list's filters; assignee=me is the caller), with set and reason. One transaction, all or " +
        "nothing, at most 10,000 markets: unknown ids, MAPPED markets given a status or a snooze, or notes that would pass 2000 " +
        "characters refuse the whole request (422, the offending ids in `ids` and in the detail). Assignee and snooze follow " +
        "PATCH's rules. Every market changed is audited; undo it all with POST /api/changes/{changeId}/undo.",
      body: bulkRequestSchema,
      responses: {
        "200": jsonAnswer(changeResultSchema, "The change's id and how many markets it changed"),
        "422": problem(
          "Unknown ids, a forbidden change (ids lists the markets), an assignee that is not an enabled user, or a filter " +
            "matching more than 10,000 markets (count says how many)",
        ),
      },
    }),
  },
  "/api/unmapped/{id}": {
    get: read("getUnmapped", "One unmapped market with samples, lines, notes and impact", {
      description:
        "The list's item plus the outcomes of its latest sighting, the lines seen, notes, version (also the ETag: send it as " +
        "If-Match to PATCH), mapping, and its impact in the latest run that sighted it (share: coverage gained if mapped).",
      path: idParamsSchema,
      ok: jsonAnswer(unmappedDetailSchema, "The market; ETag carries its version", etagHeader),
    }),
    patch: versionedEdit("triager", "updateUnmapped", "Change status, notes, assignee and/or snooze", {
      description:
        "Each change is recorded in the market's history with reason, and as an undoable change (changeId: POST " +
        "/api/changes/{changeId}/undo; null when nothing changed). Assigning a NEW market makes it ACKNOWLEDGED; a snooze sets " +
        "IGNORED with its condition (null removes the condition, the status stays); a status other than IGNORED removes the " +
        "snooze. Send If-Match with the ETag from GET to refuse the edit (412) if someone changed the market since.",
      what: "market",
      path: idParamsSchema,
      body: unmappedPatchSchema,
      edited: unmappedEditedSchema,
      responses: {
        "400": problem(
          "Invalid body (unknown fields, bad status, notes over 2000 characters, a snooze without a condition) or a malformed If-Match",
        ),
        "422": problem(
          "status MAPPED (a market is mapped by POST /api/unmapped/{id}/map, which creates the mapping behind it), " +
            "assigneeId not an enabled user (body.assigneeId), or a snooze with a status other than IGNORED (body.status)",
        ),
      },
    }),
  },
  "/api/unmapped/{id}/map": {
    post: operation("triager", "mapMarket", "Turn the market into a mapping", {
      description:
        "Extends the mapping named by canonicalId with this market's platform id/key (as a user override of a built-in " +
        "entry when needed), or creates a new user mapping (name and betpawaId required). In one transaction: the mapping " +
        "change, the market's status MAPPED and the history entries; the scraper uses the mapping from its next lookup. " +
        "Refused (422) when the mapping would still leave this market unmapped.",
      path: idParamsSchema,
      body: mapMarketSchema,
      responses: {
        "200": jsonAnswer(mapResultSchema, "The mapping as it now applies, and the market (MAPPED)"),
        "409": problem("Already MAPPED, or the platform id is held by another mapping (holder names it)"),
        "422": problem(
          "Missing name/betpawaId for a new mapping, the mapping would not cover the market, or the price check says " +
            "suspicious and the body has no confirmSuspicious (errors name body.confirmSuspicious)",
        ),
      },
    }),
  },
  "/api/unmapped/{id}/map/check": {
    post: operation("triager", "checkMapMarket", "Check a proposed mapping against the competitors' prices, changing nothing", {
      description:
        "The same body as POST /api/unmapped/{id}/map. Compares the market's prices with the target mapping's market (and the " +
        "counterpart's) on the other platforms over the price snapshot's shared events and lines, margins removed: per outcome the " +
        "mean absolute difference of implied probability, the pairing the prices support best, and a verdict (consistent when " +
        "the mean is at most thresholds.consistentMaxDiff and no pairing is better by thresholds.clearlyBetterMargin). The dry run " +
        "says how much of the latest run's sightings and events the mapping would count as mapped, per line, and which outcome " +
        "names it leaves unmatched. Answers the same 404/409/422 as /map where /map would refuse the mapping itself.",
      path: idParamsSchema,
      body: mapMarketSchema,
      responses: {
        "200": jsonAnswer(mapCheckSchema, "The verdict, the comparisons per platform and the dry run"),
        "409": problem("Already MAPPED, or the platform id is held by another mapping"),
        "422": problem("Missing name/betpawaId for a new mapping, or an unusable counterpart"),
      },
    }),
  },
  "/api/unmapped/{id}/candidates": {
    get: read("getUnmappedCandidates", "Mappings and other platforms' unmapped markets that likely mean the same market", {
      description:
        "Ranked by score (0-1) from name likeness, outcome pairing, outcome count and lines, with the reasons in words. Each " +
        "mapping candidate suggests outcome pairings with a confidence; occupied means it already maps another market of this platform.",
      path: idParamsSchema,
      ok: jsonAnswer(candidatesSchema, "Ranked candidates with scores, reasons and outcome pairings"),
    }),
  },
  "/api/unmapped/{id}/trend": {
    get: read("getUnmappedTrend", "Sightings and events of the market in each of the last runs", {
      description: "The last `runs` runs that are over (completed, partial or failed), oldest first; 0 where a run did not sight it.",
      path: idParamsSchema,
      query: trendQuerySchema,
      ok: jsonAnswer(trendSchema, "One entry per run"),
    }),
  },
  "/api/unmapped/{id}/history": {
    get: history("getUnmappedHistory", "The market's status, notes and mapping history, newest first", idParamsSchema),
  },
};
