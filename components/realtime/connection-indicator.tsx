"use client";
import type { ConnectionState } from "@/lib/realtime-client";
import { useConnectionState } from "./use-realtime";

const LABEL: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const HINT: Record<ConnectionState, string> = {
  connecting: "Connecting to live updates",
  live: "Live updates on: new markets and scrape progress appear as they happen",
  reconnecting: "Connection lost; reconnecting. Missed updates are fetched once it is back",
  offline: "Live updates are off: the server cannot be reached. Retrying in the background",
};

export function ConnectionIndicator() {
  const state = useConnectionState();
  return (
    <span className={`connection connection-${state}`} role="status" title={HINT[state]} data-state={state}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{LABEL[state]}</span>
      <span className="visually-hidden">{`: ${HINT[state]}`}</span>
    </span>
  );
}
