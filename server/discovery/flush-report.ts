// What a flush's result tells people about the rows the database refused for their content:
// counted for /api/health, the latest few kept, each logged. (What it announced goes through the
// announce step, server/alerts/announcer.ts.)
import type { Health } from "@/lib/contract/health";
import type { Log } from "@/server/log";
import type { FlushResult } from "./flush";

const LAST_REJECTED = 10;

type RejectedEntry = Health["recorder"]["lastRejected"][number];

export class RejectedRows {
  markets = 0;
  sightings = 0;
  last: RejectedEntry[] = [];

  add(rejected: FlushResult["rejected"], runLog: Log): void {
    for (const { market, code, error } of rejected) {
      this.markets++;
      this.sightings += market.count;
      const entry = { source: market.source, externalMarketId: market.externalMarketId, sightings: market.count, code };
      this.last = [{ ...entry, at: new Date().toISOString() }, ...this.last].slice(0, LAST_REJECTED);
      // JSON form: the key is what the database refused, so it may hold anything (NUL, escapes).
      runLog.error(
        `[discovery] rejected ${market.source} market ${JSON.stringify(market.externalMarketId)} (${market.count} sightings): ${code} ${error}`,
      );
    }
  }
}
