"use client";
import type { ConnectionState } from "@/lib/realtime-client";
import { useConnectionState } from "./use-realtime";
import styles from "./connection-indicator.module.css";
import { cx } from "@/components/ui/cx";

const STATE_CLASS = {
  connecting: "connectionConnecting",
  live: "connectionLive",
  reconnecting: "connectionReconnecting",
  offline: "connectionOffline",
} as const;

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
    <span className={cx(styles.connection, styles[STATE_CLASS[state]])} role="status" title={HINT[state]} data-state={state}>
      <span className={styles.connectionDot} aria-hidden="true" />
      <span className={styles.connectionLabel}>{LABEL[state]}</span>
      <span className="visually-hidden">{`: ${HINT[state]}`}</span>
    </span>
  );
}
