// A mapping's outcomes as the scraper reads them: the canonical outcome and its name on each
// platform. `changed` marks cells a pending change would set (the preview).
import type { MappingOutcomeDto } from "@/lib/contract/mappings";

type Column = "betpawaName" | "sportybetDesc" | "bet9jaSuffix";
const COLUMNS: [Column, string][] = [
  ["betpawaName", "betpawa name"],
  ["sportybetDesc", "SportyBet name"],
  ["bet9jaSuffix", "Bet9ja suffix"],
];

interface Props {
  outcomes: MappingOutcomeDto[];
  caption: string;
  /** "canonicalId:column" keys of changed cells. */
  changed?: ReadonlySet<string>;
}

export function OutcomesView({ outcomes, caption, changed }: Props) {
  if (outcomes.length === 0) return <p className="muted">No outcomes.</p>;
  return (
    <table className="table table-compact outcomes-view">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Canonical outcome</th>
          {COLUMNS.map(([, label]) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o, i) => (
          <tr key={`${o.canonicalId}-${i}`}>
            <td className="num muted">{i + 1}</td>
            <td className="mono">{o.canonicalId}</td>
            {COLUMNS.map(([col]) => {
              const isChanged = changed?.has(`${o.canonicalId}:${col}`);
              return (
                <td key={col} className={isChanged ? "cell-changed" : undefined}>
                  {o[col] === null ? (
                    <span className="muted">
                      –<span className="visually-hidden">not offered</span>
                    </span>
                  ) : (
                    o[col]
                  )}
                  {isChanged && <span className="visually-hidden"> (changed)</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
