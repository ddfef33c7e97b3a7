// Wraps a source so a test decides when its discovery may finish: a run can be held "in progress"
// for exactly as long as the test needs, with no timing guesses.
import type { Source } from "@/server/scraping/types";

export interface Gate {
  hold(): void;
  release(): void;
}

export function gated(inner: Source): Source & Gate {
  let open: Promise<void> = Promise.resolve();
  let release = () => {};
  return {
    name: inner.name,
    hold() {
      open = new Promise((r) => (release = r));
    },
    release: () => release(),
    async discover(signal, report) {
      await open;
      return inner.discover(signal, report);
    },
    fetchEvent: (event, signal) => inner.fetchEvent(event, signal),
  };
}
