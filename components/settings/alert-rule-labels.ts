// Words for an alert rule: its conditions and actions in a line each, for the table and the form.
import type { AlertRule } from "@/lib/contract/alert-rules";
import type { AlertCause } from "@/lib/contract/realtime";
import type { Webhook } from "@/lib/contract/webhooks";
import { PLATFORM_LABEL, REASON_LABEL } from "@/components/unmapped/labels";
import { formatCount } from "@/components/ui/format";

export const CAUSE_LABEL: Record<AlertCause, string> = {
  new: "New",
  regressed: "Reopened (was mapped)",
  unsnoozed: "Snooze ended",
  escalating: "Escalating",
};

/** "SportyBet · Unknown market · sighted ≥ 3 · name *corner*", or "Every announced market". */
export function conditionsSummary(c: AlertRule["conditions"]): string {
  const parts = [
    c.platforms.map((p) => PLATFORM_LABEL[p]).join(" or "),
    c.reasons.map((r) => REASON_LABEL[r]).join(" or "),
    c.causes.map((k) => CAUSE_LABEL[k]).join(" or "),
    c.minPriority === null ? "" : `priority ≥ ${formatCount(c.minPriority)}`,
    c.minSightings === null ? "" : `sighted ≥ ${formatCount(c.minSightings)}×`,
    c.pattern === null ? "" : `name or id ${c.pattern}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Every announced market";
}

/** "Toast · webhook Trading desk · chat https://hooks.example.com"; an endpoint by its description, else its URL. */
export function actionsSummary(a: AlertRule["actions"], endpoints: readonly Webhook[]): string {
  const hook = a.webhookEndpointId ? endpoints.find((w) => w.id === a.webhookEndpointId) : undefined;
  return [
    a.toast ? "Toast" : "",
    a.webhookEndpointId ? `Webhook ${hook ? hook.description || hook.url : "(endpoint not found)"}` : "",
    a.chatTarget ? `Chat ${a.chatTarget}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

export const throttleSummary = (minutes: number) => (minutes === 0 ? "None" : `${formatCount(minutes)} min`);
