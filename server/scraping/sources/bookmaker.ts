// What every bookmaker source does the same way, whatever its API: one paced HTTP client per
// bookmaker; discovery as its tree, then one listing per branch fetched in parallel, keeping the
// upcoming events soonest first; one request per event, whose body goes whole to the parser. A
// bookmaker's own folder says only what differs: its requests, how its tree and listings read, the
// parser of its event payloads; defineBookmaker registers it (its settings are named by its platform).
import type { Platform } from "@/lib/contract/enums";
import { systemClock, type Clock } from "../http/clock";
import { HttpClient, type JsonRequest } from "../http/client";
import type { BookmakerDefinition, DiscoveredEvent, DiscoveryReport, NativeEventPayload, ParseResult, Source } from "../types";
import { fetchLists, upcoming, type ListTask } from "./discovery";
import { bookmakerOptions, type BookmakerSourceOptions } from "./options";

/** One listing of events: a tournament (SportyBet) or a group (Bet9ja). */
interface Listing {
  /** Names it in errors, e.g. "tournament sr:tournament:17". */
  label: string;
  request: JsonRequest;
  /** The listed events with a usable id and kick-off; upcoming or not is decided later. */
  events: (body: unknown) => DiscoveredEvent[];
}

export interface BookmakerApi {
  platform: Platform;
  /** How the client names the bookmaker in errors and logs ("SportyBet"). */
  label: string;
  tree: (clock: Clock) => JsonRequest;
  /** The listings the tree names, each once, in tree order. */
  listings: (tree: unknown, clock: Clock) => Listing[];
  event: (ref: string, clock: Clock) => JsonRequest;
  /** Reads one event's body (what `event` answered) into sightings. */
  parse: (body: unknown, ref: string) => ParseResult;
}

export type BookmakerSource = Source & { readonly client: HttpClient };

export function createBookmakerSource(api: BookmakerApi, options: BookmakerSourceOptions): BookmakerSource {
  const clock = options.clock ?? systemClock;
  const client = new HttpClient({
    name: api.label,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    pacingMs: options.pacingMs,
    retry: options.retry,
    clock,
  });
  const task = ({ label, request, events }: Listing): ListTask => ({
    label,
    fetch: async (signal) => events(await client.json(request, signal)),
  });

  return {
    name: api.platform,
    client,
    // Frees the keep-alive sockets to the bookmaker at shutdown instead of leaving them to its timeout.
    async close() {
      client.close();
    },

    async discover(signal: AbortSignal, report?: DiscoveryReport): Promise<DiscoveredEvent[]> {
      const tree = await client.json(api.tree(clock), signal);
      const tasks = api.listings(tree, clock).map(task);
      const listed = await fetchLists(tasks, options.concurrency, signal, report);
      return upcoming(listed, clock.now(), options.eventLimit);
    },

    async fetchEvent(event: DiscoveredEvent, signal: AbortSignal): Promise<NativeEventPayload> {
      if (event.source !== api.platform) throw new Error(`${api.platform} source cannot fetch a ${event.source} event`);
      // The parser reads the envelope: it alone knows "not found" from "broken".
      const body = await client.json(api.event(event.ref, clock), signal);
      return { platform: api.platform, body } as NativeEventPayload;
    },
  };
}

/** The bookmaker as the registry knows it (under its platform's name): built from its settings, with its parser. */
export function defineBookmaker(api: BookmakerApi): BookmakerDefinition {
  return {
    platform: api.platform,
    parse: api.parse,
    create: (config) => createBookmakerSource(api, bookmakerOptions(config, api.platform)),
  };
}
