import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { formatCount, plural } from "@/components/ui/format";
import { ExactTime, RelativeTime } from "@/components/ui/relative-time";
import { PlatformBadge } from "../badges";
import { PLATFORM_LABEL } from "../labels";
import { Priority, PRIORITY_HINT } from "../priority";

const share = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });

export function MarketFacts({ market }: { market: UnmappedDetail }) {
  return (
    <dl className="facts">
      <div>
        <dt>Platform</dt>
        <dd>
          <PlatformBadge source={market.source} />
        </dd>
      </div>
      <div>
        <dt>External id</dt>
        <dd className="mono">{market.externalMarketId}</dd>
      </div>
      <div>
        <dt title="One per market instance (one line) per event snapshot">Sightings</dt>
        <dd className="num-inline">{formatCount(market.occurrenceCount)}</dd>
      </div>
      <div>
        <dt>First seen</dt>
        <dd>
          <RelativeTime iso={market.firstSeenAt} />
          <span className="muted fact-exact">
            <ExactTime iso={market.firstSeenAt} />
          </span>
        </dd>
      </div>
      <div>
        <dt>Last seen</dt>
        <dd>
          <RelativeTime iso={market.lastSeenAt} />
          <span className="muted fact-exact">
            <ExactTime iso={market.lastSeenAt} />
          </span>
        </dd>
      </div>
      <div>
        <dt title={PRIORITY_HINT}>Priority</dt>
        <dd>
          <Priority score={market.priorityScore} />
        </dd>
      </div>
      {market.regressedAt && (
        <div>
          <dt>Regressed</dt>
          <dd>
            <RelativeTime iso={market.regressedAt} />
            <span className="muted fact-exact">Was mapped, then sighted unmapped again</span>
          </dd>
        </div>
      )}
      {(market.mappingCanonicalId || market.mappedAt) && (
        <div>
          <dt>Mapping</dt>
          <dd>
            {market.mappingCanonicalId && <span className="mono">{market.mappingCanonicalId}</span>}
            {market.mappedAt && (
              <span className="muted fact-exact">
                mapped <RelativeTime iso={market.mappedAt} />
              </span>
            )}
          </dd>
        </div>
      )}
      {market.impact && (
        <div>
          <dt title="In the latest scrape run that sighted it">Latest run</dt>
          <dd>
            Run #{market.impact.runId}: {plural(market.impact.events, "event")}, {plural(market.impact.sightings, "sighting")}
            {market.impact.share !== null && (
              <span className="muted fact-exact">
                {share.format(market.impact.share)} of {PLATFORM_LABEL[market.source]}&apos;s sightings: coverage gained if mapped
              </span>
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>Last triage edit</dt>
        <dd>
          <RelativeTime iso={market.updatedAt} /> <span className="muted">· version {market.version}</span>
        </dd>
      </div>
    </dl>
  );
}
