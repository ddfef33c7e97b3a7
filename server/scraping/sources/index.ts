import type { Config } from "@/server/config";
import type { Source } from "../types";
import { createDemoSource } from "./demo";

/** The sources SOURCES names, in that order. */
export function buildSources(config: Config): Source[] {
  return config.SOURCES.map((name) => {
    switch (name) {
      case "demo":
        return createDemoSource({
          seed: config.DEMO_SEED,
          events: config.DEMO_EVENTS,
          newPerCycle: config.DEMO_NEW_PER_CYCLE,
          hostileNames: config.DEMO_HOSTILE_NAMES,
        });
    }
  });
}
