// The parser of each platform's native event payload, by platform: the one place that knows which
// parser reads which payload (the coordinator and the demo's worker thread both parse through it).
import type { NativeEventPayload, ParseResult } from "../types";
import { parseBet9jaEvent } from "./bet9ja";
import { parseSportybetEvent } from "./sportybet";

const PARSERS: { [P in NativeEventPayload["platform"]]: (body: unknown, ref: string) => ParseResult } = {
  sportybet: parseSportybetEvent,
  bet9ja: parseBet9jaEvent,
};

export function parseEvent(payload: NativeEventPayload, ref: string): ParseResult {
  return PARSERS[payload.platform](payload.body, ref);
}
