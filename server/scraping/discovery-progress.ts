// How a run words its discovery, source by source: its lists once it has said how many (a
// bookmaker's tournaments or groups; the demo has none), its events once it has finished, and
// nothing it does not know yet. "demo: 0/? lists" read as a broken source (issue 9).
interface SourceDiscovery {
  done: number;
  total: number;
  events: number | null;
  failed: boolean;
}

export class DiscoveryProgress {
  private readonly sources: Map<string, SourceDiscovery>;

  constructor(names: readonly string[]) {
    this.sources = new Map(names.map((name) => [name, { done: 0, total: 0, events: null, failed: false }]));
  }

  lists(name: string, done: number, total: number): void {
    Object.assign(this.sources.get(name)!, { done, total });
  }

  found(name: string, events: number): void {
    this.sources.get(name)!.events = events;
  }

  failed(name: string): void {
    this.sources.get(name)!.failed = true;
  }

  /** e.g. "sportybet: 12/40 lists; bet9ja: discovering; demo: 72 events". */
  toString(): string {
    return [...this.sources]
      .map(([name, d]) => {
        if (d.failed) return `${name}: failed`;
        const known = [d.total > 0 ? `${d.done}/${d.total} lists` : null, d.events === null ? null : `${d.events} events`];
        return `${name}: ${known.filter(Boolean).join(", ") || "discovering"}`;
      })
      .join("; ");
  }
}
