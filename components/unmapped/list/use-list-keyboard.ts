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
  /** x: check or uncheck the selected row. */
  toggleCheck: (index: number) => void;
  /** shift+j/k: check the selected row and the one it moves to. */
  extend: (from: number, to: number) => void;
  /** e, s: act on the checked rows, or on the selected one when none is checked. */
  assignToMe: (index: number | null) => void;
  snooze: (index: number | null) => void;
  /** z: undo the latest change made in this tab. */
  undo: () => void;
  /** c: the selected market's comment box. */
  comment: (index: number) => void;
}

/** j/k move, Enter opens, a acknowledges, i ignores, / searches; x, J/K, e, s, z, c for team triage. */
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
    x: (e) => {
      if (!triages || e.repeat || o.selected === null) return;
      o.toggleCheck(o.selected);
    },
    J: (e) => {
      if (!triages || o.count === 0) return;
      e.preventDefault();
      const from = o.selected ?? 0;
      o.extend(from, Math.min(o.count - 1, o.selected === null ? 0 : from + 1));
    },
    K: (e) => {
      if (!triages || o.count === 0) return;
      e.preventDefault();
      const from = o.selected ?? 0;
      o.extend(from, Math.max(0, o.selected === null ? 0 : from - 1));
    },
    e: (e) => {
      if (!triages || e.repeat) return;
      o.assignToMe(o.selected);
    },
    s: (e) => {
      if (!triages || e.repeat) return;
      e.preventDefault();
      o.snooze(o.selected);
    },
    z: (e) => {
      if (!triages || e.repeat) return;
      o.undo();
    },
    c: (e) => {
      if (e.repeat || o.selected === null) return;
      o.comment(o.selected);
    },
    "/": focusSearch(SEARCH_INPUT_ID),
  });
}
