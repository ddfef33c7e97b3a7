// The stored priority, as one SQL expression over a market's figures: the flush writes it on every
// insert and update (flush-sql.ts), and the test seed writes its rows with it. The list shows
// priority_raw - epochDays(now) (list-sql.ts, triage-service.ts); see docs/DECISIONS.md "Priority".
//
//   priority_raw = ln(1 + count) + epochDays(lastSeen) + kickoff term
//   kickoff term = 2 / (1 + h / 6), h = hours from lastSeen to nextKickoff (at least 0); 0 without a kickoff
//
// Every part depends on the row alone, never on now(): a stored value that moved with the clock
// would leave the (status, priority_raw, id) index in a stale order. So urgency is measured from
// the sighting, not from now: a match 2 h ahead of its latest sighting adds 1.5 (like 4.5x the
// sightings), one kicking off as it was sighted adds 2 (7.4x), 6 h ahead adds 1, a week ahead 0.07.

/** Hours of lead time at which the kickoff term is half its most. */
const KICKOFF_HALF_HOURS = 6;
/** The kickoff term of a match kicking off as it is sighted (the most it adds). */
const KICKOFF_WEIGHT = 2;

/**
 * @param count, lastSeen, nextKickoff SQL expressions of the market's sightings (int), latest
 *   sighting (timestamptz) and soonest kickoff (timestamptz, may be null).
 */
export function priorityRawSql(count: string, lastSeen: string, nextKickoff: string): string {
  // GREATEST skips nulls (it would read a missing kickoff as 0 h ahead): the CASE keeps null out.
  const leadHours = `GREATEST(0.0, extract(epoch FROM (${nextKickoff}) - (${lastSeen}))::float8 / 3600.0)`;
  return `(ln(1.0 + (${count})) + extract(epoch FROM ${lastSeen})::float8 / 86400.0
    + CASE WHEN (${nextKickoff}) IS NULL THEN 0.0 ELSE ${KICKOFF_WEIGHT}.0 / (1.0 + ${leadHours} / ${KICKOFF_HALF_HOURS}.0) END)`;
}
