import type { UnmappedDetail } from "@/lib/contract/unmapped";

export function LinesSeen({ lines }: { lines: UnmappedDetail["specifiers"] }) {
  if (lines.length === 0) return <p className="muted">Offered without a line: this market has no specifier.</p>;
  return (
    <>
      <ul className="chips" aria-label="Lines">
        {lines.map((l) => (
          <li key={l} className="chip">
            {l}
          </li>
        ))}
      </ul>
      <p className="muted table-note">
        Oldest first{lines.length >= 50 ? "; the first 50 distinct lines are kept" : ""}. A line is not part of the market&apos;s identity.
      </p>
    </>
  );
}
