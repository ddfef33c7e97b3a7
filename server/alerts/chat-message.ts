// An alert rule's notification as a chat incoming-webhook body: Slack's { text, blocks }, which
// Mattermost, Rocket.Chat, Discord's /slack endpoint and Teams' connectors also take. `text` is the
// fallback (notifications, screen readers) and names the markets too; the blocks link each market
// to its page under PUBLIC_URL. Market names are scraped text: escaped as Slack asks (& < >), so
// a name cannot forge a link or a mention.
import type { AlertFiredData } from "@/lib/contract/webhooks";
import { PLATFORM_LABELS } from "@/lib/contract/enums";

/** Markets named one by one; the rest are counted. */
const NAMED = 10;

/** Slack's escaping for text it parses: https://api.slack.com/reference/surfaces/formatting#escaping */
const escapeChat = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export interface ChatMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

export function chatMessageOf(data: AlertFiredData, publicUrl: string): ChatMessage {
  const base = publicUrl.replace(/\/+$/, "");
  const named = data.markets.slice(0, NAMED);
  const more = data.count - named.length;
  const headline = `Market Triage, rule "${escapeChat(data.rule.name)}": ${plural(data.count, "unmapped market", "unmapped markets")}${
    data.folded > 0 ? ` (${data.folded.toLocaleString("en-US")} held back by the throttle)` : ""
  }`;
  const label = (m: AlertFiredData["markets"][number]) =>
    `${escapeChat(m.marketName)} (${PLATFORM_LABELS[m.source]} ${escapeChat(m.externalMarketId)}${m.cause === "new" ? "" : `, ${m.cause}`})`;
  const listUrl = `${base}/unmapped?status=NEW`;
  const text = [
    `${headline}:`,
    ...named.map((m) => `- ${label(m)}: ${base}/unmapped/${m.id}`),
    ...(more > 0 ? [`and ${plural(more, "more", "more")}: ${listUrl}`] : []),
  ].join("\n");
  const lines = named.map((m) => `• <${base}/unmapped/${m.id}|${label(m)}>`);
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${headline}*` } },
      ...(lines.length > 0 ? [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } }] : []),
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: more > 0 ? `and ${plural(more, "more", "more")}: <${listUrl}|open the list>` : `<${listUrl}|open the list>`,
          },
        ],
      },
    ],
  };
}
