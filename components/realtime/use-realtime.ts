"use client";
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { ServerMessage, ServerMessageType } from "@/lib/contract/realtime";
import { getRealtimeClient, type ConnectionState } from "@/lib/realtime-client";

const subscribeState = (listener: () => void) => getRealtimeClient().onState(listener);
const currentState = () => getRealtimeClient().state();

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribeState, currentState, () => "connecting");
}

/** Calls the latest `handler` for every message of `type`, without resubscribing on each render. */
export function useRealtimeMessage<T extends ServerMessageType>(type: T, handler: (message: ServerMessage<T>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => getRealtimeClient().on(type, (m) => latest.current(m)), [type]);
}

/** Calls `listener` after each reconnect, when messages may have been missed. */
export function useRealtimeResync(listener: () => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => getRealtimeClient().onResync(() => latest.current()), []);
}
