import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { formatCount, plural } from "@/components/ui/format";
import { Facts, timeFact } from "@/components/ui/facts";
import { RelativeTime } from "@/components/ui/relative-time";
import { PlatformBadge } from "../badges";
import { PLATFORM_LABEL } from "../labels";
import { Priority, PRIORITY_HINT } from "../priority";

const share = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });

export function MarketFacts({ market }: { market: UnmappedDetail }) {
  const { impact } = market;
  return (
    <Facts
      facts={[
        { term: "Platform", value: <PlatformBadge source={market.source} /> },
        { term: "External id", value: market.externalMarketId, valueClass: "mono" },
        {
          term: "Sightings",
          hint: "One per market instance (one line) per event snapshot",
          value: formatCount(market.occurrenceCount),
          valueClass: "num-inline",
        },
        timeFact("First seen", market.firstSeenAt),
        timeFact("Last seen", market.lastSeenAt),
        {
          ...(market.nextKickoffAt
            ? timeFact("Next kick-off", market.nextKickoffAt)
            : { term: "Next kick-off", value: <span className="muted">None known</span> }),
          hint: "The soonest kickoff among the upcoming matches its latest run sighted it in; the sooner, the higher its priority",
        },
        { term: "Priority", hint: PRIORITY_HINT, value: <Priority score={market.priorityScore} /> },
        market.regressedAt && {
          term: "Regressed",
          value: <RelativeTime iso={market.regressedAt} />,
          note: "Was mapped, then sighted unmapped again",
        },
        (market.mappingCanonicalId || market.mappedAt) && {
          term: "Mapping",
          value: market.mappingCanonicalId && <span className="mono">{market.mappingCanonicalId}</span>,
          note: market.mappedAt && (
            <>
              mapped <RelativeTime iso={market.mappedAt} />
            </>
          ),
        },
        impact && {
          term: "Latest run",
          hint: "In the latest scrape run that sighted it",
          value: `Run #${impact.runId}: ${plural(impact.events, "event")}, ${plural(impact.sightings, "sighting")}`,
          note:
            impact.share !== null &&
            `${share.format(impact.share)} of ${PLATFORM_LABEL[market.source]}'s sightings: coverage gained if mapped`,
        },
        {
          term: "Last triage edit",
          value: (
            <>
              <RelativeTime iso={market.updatedAt} /> <span className="muted">· version {market.version}</span>
            </>
          ),
        },
      ]}
    />
  );
}
