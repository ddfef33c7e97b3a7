"use client";
import { useEffect, useRef } from "react";
import { singleKeyShortcutsOn } from "./shortcut-setting";

type HotkeyHandler = (event: KeyboardEvent) => void;
export type HotkeyMap = Partial<Record<string, HotkeyHandler>>;

/** Keys typed into a field belong to the field, not to shortcuts. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

const modalOpen = () => document.querySelector("dialog[open]") !== null;

/**
 * Single-key shortcuts by `KeyboardEvent.key` ("j", "Enter", "?"). Ignored while typing, with
 * Ctrl/Cmd/Alt held (browser and OS shortcuts), while a modal dialog is open, and when the user
 * turned single-key shortcuts off.
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || modalOpen() || !singleKeyShortcutsOn()) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      handler(event);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
