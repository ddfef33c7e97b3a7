// The demo feed's worker thread: builds each event's native payloads and parses them with the real
// parsers, off the server's event loop. A cycle of 1,500 events costs about 0.4 ms of generation and
// 0.2 ms of parsing per event; on the server thread that held every request behind it.
import { runInBackground } from "../../../util/background-thread";
import { rpcData, serveRpc } from "../../../util/worker-rpc";
import { parseEvent } from "..";
import type { DiscoveredEvent } from "../../types";
import { createDemoSource, type DemoSourceOptions } from ".";

// Background work: the server thread, which answers requests, goes first.
runInBackground();
const source = createDemoSource(rpcData<DemoSourceOptions>());
// Aborts are checked by the server thread around each call: a call here is short and runs to its end.
const live = new AbortController().signal;

serveRpc({
  discover: () => source.discover(live),
  fetchEvent: (event: DiscoveredEvent) => source.fetchEvent(event, live),
  fetchParsed: async (event: DiscoveredEvent) => parseEvent(await source.fetchEvent(event, live), event.ref),
});
