// A run's row says finished a moment before its process lets go of the run (the run lock is
// released after the row is written). A request in that moment saw the run finished (GET
// /api/scrape/runs/{id}), so it must start the next run, not get a 409 naming the finished one;
// while the run really goes, a second request is still refused with its id.
import { expect, it } from "vitest";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import { nullPublisher } from "@/server/realtime/publisher";
import { cycleDeps } from "@/server/testing/cycle";
import { fixtureSource } from "@/server/testing/fixture-source";
import { gated } from "@/server/testing/gated-source";
import { describeOnDatabases } from "@/server/testing/test-database";
import { waitFor } from "@/server/testing/wait";
import { RunInProgressError } from "./errors";
import { ScrapeController } from "./scrape-controller";

describeOnDatabases("scrape controller on %s", (t) => {
  it("refuses a second run while one goes, and starts it once the first is finished, before its lock is let go", async () => {
    const source = gated(fixtureSource(2));
    const deps = cycleDeps(t.db, { sources: [source], mappings: new MappingCache(builtinCatalog()), publisher: nullPublisher });
    let letGo = () => {};
    const lockReleased = new Promise<void>((r) => (letGo = r));
    const controller = new ScrapeController(deps, { intervalSeconds: 0, startDelaySeconds: 0 }, async () => async () => {
      await lockReleased;
    });

    source.hold();
    const first = await controller.trigger("manual");
    await expect(controller.trigger("manual")).rejects.toThrow(RunInProgressError);
    await expect(controller.trigger("manual")).rejects.toMatchObject({ runId: first.runId });
    source.release();

    await waitFor("the first run's row to say finished", async () => (await deps.runs.get(first.runId)).status !== "running");
    // The lock is still held: this request waits for it rather than being refused.
    const second = controller.trigger("manual");
    letGo();
    const { runId, done } = await second;
    expect(runId).toBeGreaterThan(first.runId);
    expect(await first.done).toMatchObject({ status: "completed" });
    expect(await done).toMatchObject({ id: runId, status: "completed" });
    await controller.stop();
  });
});
