"use client";
// One shared clock for every relative time on the page. During hydration it reports the time the
// server rendered with, so the first client render matches the HTML exactly; afterwards it ticks.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";

const TICK_MS = 30_000;

let clientNow = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  clientNow = Date.now();
  timer ??= setInterval(() => {
    clientNow = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getClientNow = () => clientNow || (clientNow = Date.now());

const ServerNowContext = createContext(0);

export function NowProvider({ serverNow, children }: { serverNow: number; children: ReactNode }) {
  return <ServerNowContext.Provider value={serverNow}>{children}</ServerNowContext.Provider>;
}

/** Milliseconds since the epoch, updated every 30 s. */
export function useNow(): number {
  const serverNow = useContext(ServerNowContext);
  return useSyncExternalStore(subscribe, getClientNow, () => serverNow);
}

const noSubscription = () => () => {};

/** False while rendering on the server and hydrating, true after: for output that depends on the browser (its time zone). */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
