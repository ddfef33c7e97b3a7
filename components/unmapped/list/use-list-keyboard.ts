"use client";
import type { SettableStatus } from "../use-quick-status";
import { focusSearch } from "@/components/data-table/filters";
import { useHotkeys } from "@/components/keyboard/use-hotkeys";
import { useCan } from "@/components/auth/use-principal";
import { SEARCH_INPUT_ID } from "./list-filters";

interface Options {
  count: number;
  selected: number | null;
  select: (index: number) => void;
  open: (index: number) => void;
  setStatus: (index: number, status: SettableStatus) => void;
  /** Past the last row: the next page, its first row selected. False when there is none. */
  nextPage: () => boolean;
  prevPage: () => boolean;
}

/** j/k move, Enter opens, a acknowledges, i ignores, / searches. */
export function useListKeyboard(o: Options): void {
  // a and i change the market: only for those who may.
  const triages = useCan("market.triage");
  useHotkeys({
    j: (e) => {
      e.preventDefault();
      if (o.count === 0) return;
      if (o.selected === null) o.select(0);
      else if (o.selected < o.count - 1) o.select(o.selected + 1);
      else o.nextPage();
    },
    k: (e) => {
      e.preventDefault();
      if (o.count === 0) return;
      if (o.selected === null) o.select(0);
      else if (o.selected > 0) o.select(o.selected - 1);
      else o.prevPage();
    },
    Enter: (e) => {
      // A focused link or button already answers Enter itself.
      if ((e.target as HTMLElement).closest("a, button") || o.selected === null) return;
      e.preventDefault();
      o.open(o.selected);
    },
    a: (e) => {
      if (!triages || e.repeat || o.selected === null) return;
      o.setStatus(o.selected, "ACKNOWLEDGED");
    },
    i: (e) => {
      if (!triages || e.repeat || o.selected === null) return;
      o.setStatus(o.selected, "IGNORED");
    },
    "/": focusSearch(SEARCH_INPUT_ID),
  });
}
