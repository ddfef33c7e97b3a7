import type { UnmappedDetail } from "@/lib/contract/unmapped";
import { formatOdds } from "@/components/ui/format";

const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The latest sighting's outcomes with their prices, and the book's margin when every price is known. */
export function OutcomesTable({ outcomes }: { outcomes: UnmappedDetail["sampleOutcomes"] }) {
  if (outcomes.length === 0) return <p className="muted">The latest sighting carried no outcomes.</p>;
  const priced = outcomes.every((o) => o.odds !== null && o.odds > 0);
  const overround = priced ? outcomes.reduce((sum, o) => sum + 1 / (o.odds as number), 0) : null;
  return (
    <>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Odds
            </th>
            <th scope="col" className="num" title="1 / odds">
              Implied probability
            </th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o, i) => (
            <tr key={`${i}-${o.name}`}>
              <td>{o.name}</td>
              <td className="num">{o.odds === null ? <span className="muted">no price</span> : formatOdds(o.odds)}</td>
              <td className="num">{o.odds === null || o.odds <= 0 ? "–" : percent.format(1 / o.odds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {overround !== null && outcomes.length > 1 && (
        <p className="muted table-note">
          Book total {percent.format(overround)}: a margin of {percent.format(overround - 1)} if these outcomes cover every result.
        </p>
      )}
    </>
  );
}
