// Owns the process's recorder and turns flush results into alerts. Any number of flushes may run
// at once (scheduled cycle, shutdown, tests): each takes its own batch, and the upsert adds counts
// atomically, so none can lose or double a sighting.
import { ALERT_MARKETS_CAP } from "@/lib/contract/realtime";
import type { Database } from "@/server/db/client";
import type { Publisher } from "@/server/realtime/publisher";
import { log } from "@/server/log";
import { flushBatch, type FlushResult } from "./flush";
import { Recorder } from "./recorder";

export class DiscoveryService {
  readonly recorder: Recorder;

  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher,
    maxPending?: number,
  ) {
    this.recorder = new Recorder(maxPending);
  }

  async flush(): Promise<FlushResult> {
    const batch = this.recorder.take();
    if (batch.length === 0) return { rows: 0, sightings: 0, inserted: [], regressed: [], failed: [] };
    const result = await flushBatch(this.db, batch);
    if (result.failed.length > 0) {
      this.recorder.restore(result.failed);
      log.error(
        `[discovery] flush failed for ${result.failed.length} markets; kept for the next try:`,
        result.error?.message,
      );
    }
    const announced = [
      ...result.regressed.map((m) => ({ ...m, regressed: true })),
      ...result.inserted.map((m) => ({ ...m, regressed: false })),
    ];
    if (announced.length > 0) {
      this.publisher.publish("unmapped_alert", { count: announced.length, markets: announced.slice(0, ALERT_MARKETS_CAP) });
    }
    return result;
  }
}
