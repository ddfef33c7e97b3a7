"use client";
// Whether single-key shortcuts (j, k, a, i, /, ?) are on. Someone who types by voice or with a
// switch can turn them off (WCAG 2.1.4, character key shortcuts); the choice is kept in this
// browser (localStorage) and every open tab follows it.
import { useSyncExternalStore } from "react";

const KEY = "market-triage:single-key-shortcuts";
const listeners = new Set<() => void>();

export function singleKeyShortcutsOn(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== "off";
  } catch {
    return true;
  }
}

export function setSingleKeyShortcuts(on: boolean): void {
  try {
    if (on) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, "off");
  } catch {
    // Storage refused (private mode, quota): the choice lasts until the page is left.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useSingleKeyShortcuts(): boolean {
  return useSyncExternalStore(subscribe, singleKeyShortcutsOn, () => true);
}
