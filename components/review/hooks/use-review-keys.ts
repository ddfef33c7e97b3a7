"use client";
// The queue's keys, through the keyboard kit (never while typing, with a modifier held, in a dialog,
// or with single-key shortcuts turned off): 1-9 accept that candidate, x ignores, space skips,
// z undoes the latest decision. Those who may not triage keep space (skipping decides nothing).
import { useHotkeys, type HotkeyMap } from "@/components/keyboard/use-hotkeys";
import { MAX_NUMBERED } from "../queue-model";

interface Options {
  canDecide: boolean;
  /** Number keys beyond the candidates shown do nothing. */
  numbered: number;
  accept: (index: number) => void;
  ignore: () => void;
  skip: () => void;
  undo: () => void;
}

export function useReviewKeys(o: Options): void {
  const map: HotkeyMap = {
    " ": (e) => {
      e.preventDefault(); // not a page scroll
      if (!e.repeat) o.skip();
    },
  };
  if (o.canDecide) {
    for (let n = 1; n <= Math.min(o.numbered, MAX_NUMBERED); n++) {
      map[String(n)] = (e) => !e.repeat && o.accept(n - 1);
    }
    map.x = (e) => !e.repeat && o.ignore();
    map.z = (e) => !e.repeat && o.undo();
  }
  useHotkeys(map);
}
