import type { Config } from "@/server/config";
import type { RetryOptions } from "../http/retry";
import type { Source } from "../types";
import { createBet9jaSource } from "./bet9ja";
import { createDemoThreadSource } from "./demo/thread";
import { createSportybetSource } from "./sportybet";

function retryOptions(config: Config): RetryOptions {
  return {
    retries: config.SCRAPE_RETRIES,
    baseDelayMs: config.SCRAPE_RETRY_BASE_MS,
    maxDelayMs: config.SCRAPE_RETRY_MAX_MS,
    retryAfterMaxMs: config.SCRAPE_RETRY_AFTER_MAX_MS,
  };
}

/** The sources SOURCES names, in that order. */
export function buildSources(config: Config): Source[] {
  return config.SOURCES.map((name) => {
    switch (name) {
      case "demo":
        return createDemoThreadSource({
          seed: config.DEMO_SEED,
          events: config.DEMO_EVENTS,
          newPerCycle: config.DEMO_NEW_PER_CYCLE,
          hostileNames: config.DEMO_HOSTILE_NAMES,
        });
      case "sportybet":
        return createSportybetSource({
          baseUrl: config.SPORTYBET_BASE_URL,
          timeoutMs: config.SPORTYBET_TIMEOUT_MS,
          concurrency: config.SPORTYBET_CONCURRENCY,
          pacingMs: config.SPORTYBET_PACING_MS,
          retry: retryOptions(config),
          eventLimit: config.SCRAPE_EVENT_LIMIT,
        });
      case "bet9ja":
        return createBet9jaSource({
          baseUrl: config.BET9JA_BASE_URL,
          timeoutMs: config.BET9JA_TIMEOUT_MS,
          concurrency: config.BET9JA_CONCURRENCY,
          pacingMs: config.BET9JA_PACING_MS,
          retry: retryOptions(config),
          eventLimit: config.SCRAPE_EVENT_LIMIT,
        });
    }
  });
}
