// Every line a scrape run logs carries its runId as a field (pino's child bindings), so a run's
// lines can be found in a log of many runs: the coordinator's, the flush's during the run, and the
// controller's. Checked on both databases with the real controller, coordinator and flush.
import { afterEach, expect, it } from "vitest";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import { nullPublisher } from "@/server/realtime/publisher";
import { cycleDeps } from "@/server/testing/cycle";
import { sighting } from "@/server/testing/discovery";
import { captureLog } from "@/server/testing/log-capture";
import { describeOnDatabases } from "@/server/testing/test-database";
import { ScrapeController } from "./scrape-controller";
import type { Source } from "./types";

const future = new Date(Date.now() + 86_400_000);

/** One failing listing (a discovery line), and a market whose name the database refuses (a flush line). */
const source: Source = {
  name: "sportybet",
  async discover(_signal, report) {
    report?.error("tournament sr:tournament:9: HTTP 500");
    return [{ source: "sportybet", ref: "sr:match:1", startsAt: future }];
  },
  async fetchEvent() {
    throw new Error("parsed by fetchParsed");
  },
  async fetchParsed() {
    return { sightings: [sighting("RUNLOG-OK"), sighting("RUNLOG-BAD", "Refused\u0000name")], dataErrors: 0 };
  },
};

let capture: ReturnType<typeof captureLog> | undefined;
afterEach(() => capture?.restore());

describeOnDatabases("a scrape run's log on %s", (t) => {
  it("carries the run's id on every line the run writes", async () => {
    const deps = cycleDeps(t.db, { sources: [source], mappings: new MappingCache(builtinCatalog()), publisher: nullPublisher });
    const controller = new ScrapeController(deps, { intervalSeconds: 0, startDelaySeconds: 0 });
    capture = captureLog();
    const { runId, done } = await controller.trigger("manual");
    const run = await done;
    await controller.stop();
    capture.restore();

    const lines = capture.records.filter((r) => /^\[(scrape|discovery)\]/.test(r.msg));
    const said = (pattern: RegExp) => lines.filter((r) => pattern.test(r.msg));
    // The coordinator's discovery line, the flush's rejected row, and the run's summary.
    expect(said(/^\[scrape\] sportybet discovery: tournament sr:tournament:9/)).toHaveLength(1);
    expect(said(/^\[discovery\] rejected sportybet market "RUNLOG-BAD"/)).toHaveLength(1);
    expect(said(new RegExp(`^\\[scrape\\] run ${run.status}: `))).toHaveLength(1);
    for (const line of lines) expect(line, line.msg).toMatchObject({ runId });
  });
});
