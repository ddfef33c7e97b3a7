// The one registry of sources: every name SOURCES may use, each defined by its own folder (how the
// configuration builds it; a bookmaker also brings the parser of its platform's event payloads).
// A new bookmaker is its folder (source with its API, parser, tests), its settings (named by its
// platform) and name in server/config.ts, its platform in the contract and schema, and a line here.
import type { Config } from "@/server/config";
import type { BookmakerDefinition, NativeEventPayload, ParseResult, Source, SourceDefinition, SourceName } from "../types";
import { bet9ja } from "./bet9ja/source";
import { demo } from "./demo/thread";
import { sportybet } from "./sportybet/source";

/** By the name SOURCES uses; typed so that a name it accepts without a definition here fails the type check. */
const SOURCES: { [N in SourceName]: SourceDefinition } = { demo, sportybet, bet9ja };

const isBookmaker = (d: SourceDefinition): d is BookmakerDefinition => "parse" in d;

/** The bookmakers' parsers by platform, from the registry: the coordinator and the demo feed parse through them. */
const PARSERS = new Map(Object.values(SOURCES).flatMap((d) => (isBookmaker(d) ? [[d.platform, d.parse] as const] : [])));

/** The sources SOURCES names, in that order. */
export function buildSources(config: Config): Source[] {
  return config.SOURCES.map((name) => SOURCES[name].create(config));
}

/** One event's native payload read by the parser of its platform's bookmaker. */
export function parseEvent(payload: NativeEventPayload, ref: string): ParseResult {
  const parse = PARSERS.get(payload.platform);
  if (parse === undefined) throw new Error(`no registered source parses ${payload.platform} payloads`);
  return parse(payload.body, ref);
}
