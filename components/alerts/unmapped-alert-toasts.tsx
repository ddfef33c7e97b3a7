"use client";
// Turns unmapped_alert messages into one toast. A long run sends an alert per flush; while the
// toast is on screen, later alerts add to it rather than stacking a toast per flush.
import { useRef } from "react";
import { toast } from "sonner";
import type { UnmappedAlertData } from "@/lib/contract/realtime";
import { useRealtimeMessage } from "@/components/realtime/use-realtime";
import { alertTitle, type AlertTally } from "./alert-title";
import { AlertToastContent } from "./alert-toast-content";

const TOAST_ID = "unmapped-alert";
const NAMED = 3;

export function UnmappedAlertToasts() {
  const shown = useRef<(AlertTally & { markets: UnmappedAlertData["markets"] }) | null>(null);

  useRealtimeMessage("unmapped_alert", ({ data }) => {
    if (data.count === 0) return;
    const previous = shown.current ?? { count: 0, listed: 0, reopened: 0, markets: [] };
    const current = {
      count: previous.count + data.count,
      listed: previous.listed + data.markets.length,
      // Back rather than new: regressed, unsnoozed or escalating.
      reopened: previous.reopened + data.markets.filter((m) => m.cause !== "new").length,
      markets: [...previous.markets, ...data.markets].slice(0, NAMED),
    };
    shown.current = current;
    const reset = () => {
      shown.current = null;
    };
    const close = () => {
      toast.dismiss(TOAST_ID);
      reset();
    };
    toast(alertTitle(current), {
      id: TOAST_ID,
      description: <AlertToastContent count={current.count} markets={current.markets} onNavigate={close} />,
      duration: 20_000,
      className: "toast-alert",
      onDismiss: reset,
      onAutoClose: reset,
    });
  });

  return null;
}
