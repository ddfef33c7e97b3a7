// The demo feed as the server runs it: the same source as demo.ts, in a worker thread (demo-host.ts)
// that also parses, so a cycle's generation and parsing never hold the server's event loop. Each
// call is one message; the payloads and sightings are the in-thread source's, byte for byte.
import type { DiscoveredEvent, NativeEventPayload, ParseResult, Source, SourceDefinition } from "../../types";
import { WorkerRpc } from "@/server/util/worker-rpc";
import pLimit from "p-limit";
import type { DemoSourceOptions } from ".";

const IN_FLIGHT = 2;

/** `now` stays with the in-thread source (a function cannot cross threads): this one uses the clock. */
export type DemoThreadOptions = Omit<DemoSourceOptions, "now">;

export function createDemoThreadSource(opts: DemoThreadOptions): Source {
  if (!Number.isInteger(opts.events) || opts.events < 1) throw new Error("demo source: events must be a positive integer");
  let rpc: WorkerRpc | null = null;
  // The thread answers one call at a time, so more than two in flight only queue there; and replies
  // that arrive together are all decoded in one turn of the server's loop. Two keep the thread busy
  // while the server takes one reply at a time.
  const slots = pLimit(IN_FLIGHT);
  // Started on first use, so a server that never scrapes never starts the thread.
  const thread = () => (rpc ??= new WorkerRpc(new URL("./host.ts", import.meta.url), opts));
  const call = async <T>(signal: AbortSignal, op: string, args?: unknown): Promise<T> => {
    signal.throwIfAborted();
    const value = await slots(() => thread().call<T>(op, args));
    signal.throwIfAborted();
    return value;
  };
  return {
    name: "demo",
    discover: (signal) => call<DiscoveredEvent[]>(signal, "discover"),
    fetchEvent: (event, signal) => call<NativeEventPayload>(signal, "fetchEvent", event),
    fetchParsed: (event, signal) => call<ParseResult>(signal, "fetchParsed", event),
    async close() {
      await rpc?.close();
      rpc = null;
    },
  };
}

/** The demo in the registry of sources (sources/index.ts); its settings are DEMO_*. */
export const demo: SourceDefinition = {
  create: (config) =>
    createDemoThreadSource({
      seed: config.DEMO_SEED,
      events: config.DEMO_EVENTS,
      newPerCycle: config.DEMO_NEW_PER_CYCLE,
      hostileNames: config.DEMO_HOSTILE_NAMES,
    }),
};
