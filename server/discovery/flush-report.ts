// What a flush's result tells people: the rows the database refused for their content (counted
// for /api/health, the latest few kept, each logged), and the one alert of the markets it announced.
import type { Health } from "@/lib/contract/health";
import { ALERT_MARKETS_CAP, type AlertCause, type UnmappedAlertData } from "@/lib/contract/realtime";
import type { Log } from "@/server/log";
import type { FlushResult } from "./flush";

const LAST_REJECTED = 10;
const ANNOUNCE_ORDER: AlertCause[] = ["regressed", "unsnoozed", "escalating", "new"];

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

/**
 * The alert for what a flush announced, or null when it announced nothing. Only its first few
 * markets are built (a flush can insert 100,000): the reopened and escalating ones first, the
 * rarer and the ones someone had already looked at.
 */
export function alertOf(announced: FlushResult["announced"]): UnmappedAlertData | null {
  if (announced.length === 0) return null;
  const markets: UnmappedAlertData["markets"] = [];
  for (const cause of ANNOUNCE_ORDER) {
    for (const m of announced) {
      if (markets.length >= ALERT_MARKETS_CAP) break;
      if (m.cause === cause) markets.push({ ...m, regressed: cause === "regressed" });
    }
  }
  return { count: announced.length, markets };
}
