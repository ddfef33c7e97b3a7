// The announce step: what a flush's committed batches announced (new, regressed, unsnoozed,
// escalating markets) becomes, in one transaction, one webhook event per cause for the whole flush,
// and each matching alert rule's notification (or, while the rule is throttled, its fold).
// Toasts are published after the commit. A flush whose announce step failed (the database went
// away, the process died) leaves its batches unannounced; the periodic tick claims them once they
// are STALE_MS old, so every announced market reaches exactly one event of its cause.
//
// Throttle: a rule fires at once unless it fired less than throttle_minutes ago; then the markets
// wait in the rule's pending_* columns and the tick sends them as one notification (count, the
// first ALERT_MARKETS_CAP markets, how many were folded) when the window has passed.
import { ALERT_MARKETS_CAP, type UnmappedAlertData } from "@/lib/contract/realtime";
import { ALERT_FIRED_EVENT, type AlertFiredData } from "@/lib/contract/webhooks";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { log } from "@/server/log";
import type { Publisher } from "@/server/realtime/publisher";
import { envelopeOf, writeEventTo } from "@/server/webhooks/outbox";
import { ANNOUNCE_SQL } from "./announce-sql";
import { chatMessageOf } from "./chat-message";

type Tx = Prisma.TransactionClient;
type Market = UnmappedAlertData["markets"][number];
/** A fired rule's toast: the markets it names, and how many it counts (folded ones too). */
type Toast = UnmappedAlertData;

/** Batches a flush left unannounced for this long are announced by the tick (their flush is gone). */
const STALE_MS = 120_000;
/**
 * Batches per announce transaction. PGlite has one connection, and the transaction holds it:
 * measured there, 100 batches of 100 new markets took 200 ms, 10 took 40. So a flush announcing
 * more than 5,000 markets (a first scrape) is announced in transactions of 50 batches, one event
 * per cause each; on PostgreSQL other requests have their own connections, and a flush is one.
 */
const SLICE_BATCHES = { pglite: 50, postgres: 10_000 } as const;
/** How often the tick sends throttled rules' folds that are due, and picks up stale batches. */
const TICK_MS = 5_000;

interface RuleRow {
  id: string;
  name: string;
  toast: boolean;
  webhook_endpoint_id: string | null;
  chat_endpoint_id: string | null;
  due: boolean;
  pending_count: number;
  pending_markets: Market[] | string;
}

const RULE_COLUMNS = `id::text, name, toast, webhook_endpoint_id::text, chat_endpoint_id::text, pending_count, pending_markets,
  (throttle_minutes = 0 OR last_fired_at IS NULL OR last_fired_at + throttle_minutes * interval '1 minute' <= now()) AS due`;

const jsonOf = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

export interface AnnouncerOptions {
  /** Wakes the webhook dispatcher after a commit that wrote deliveries. */
  wake?: () => void;
  /** Where chat messages link to: PUBLIC_URL, else the server's own address once it is known. */
  publicUrl?: () => string;
}

export interface Announced {
  /** Distinct markets (and causes) the claimed batches announced. */
  markets: number;
  /** Notifications sent (rules fired) and folded (rules throttled). */
  fired: number;
  folded: number;
}

const nothingAnnounced = (): Announced => ({ markets: 0, fired: 0, folded: 0 });
function addInto(total: Announced, done: Announced): void {
  total.markets += done.markets;
  total.fired += done.fired;
  total.folded += done.folded;
}

export class Announcer {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<unknown> | null = null;

  constructor(
    private readonly db: Database,
    private readonly publisher: Publisher,
    private readonly options: AnnouncerOptions = {},
  ) {}

  /** Announces a flush's committed batches, in slices of SLICE_BATCHES (one transaction each). */
  async announce(batchIds: readonly string[]): Promise<Announced> {
    const slice = SLICE_BATCHES[this.db.kind];
    const total = nothingAnnounced();
    for (let i = 0; i < batchIds.length; i += slice) addInto(total, await this.announceOnce(batchIds.slice(i, i + slice)));
    return total;
  }

  /** One transaction: the batches named (and, with `staleMs`, batches left unannounced that long). */
  private async announceOnce(batchIds: readonly string[], staleMs: number | null = null): Promise<Announced & { batches: number }> {
    const toasts: Toast[] = [];
    let wrote = false;
    const summary = await this.db.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<
        { rule_id: string | null; n: number; markets: Market[] | string | null; deliveries: number | null; batches: number | null }[]
      >(ANNOUNCE_SQL, `{${batchIds.join(",")}}`, staleMs, SLICE_BATCHES[this.db.kind]);
      const total = rows.find((r) => r.rule_id === null);
      wrote = Number(total?.deliveries ?? 0) > 0;
      const matched = new Map(rows.filter((r) => r.rule_id !== null).map((r) => [r.rule_id!, r]));
      const result = { markets: Number(total?.n ?? 0), fired: 0, folded: 0, batches: Number(total?.batches ?? 0) };
      if (matched.size === 0) return result;
      const rules = await tx.$queryRawUnsafe<RuleRow[]>(
        `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        `{${[...matched.keys()].join(",")}}`,
      );
      for (const rule of rules) {
        const m = matched.get(rule.id)!;
        const markets = jsonOf(m.markets ?? []);
        if (rule.due) {
          const pending = Number(rule.pending_count);
          const all = [...jsonOf(rule.pending_markets), ...markets].slice(0, ALERT_MARKETS_CAP);
          const fired = await this.fire(tx, rule, { count: pending + Number(m.n), folded: pending, markets: all });
          if (fired.toast) toasts.push(fired.toast);
          wrote ||= fired.wrote;
          result.fired++;
        } else {
          await tx.$executeRawUnsafe(
            `UPDATE alert_rules SET pending_count = pending_count + $2, pending_since = COALESCE(pending_since, now()),
               pending_markets = jsonb_path_query_array(pending_markets || $3::jsonb, '$[0 to ${ALERT_MARKETS_CAP - 1}]')
             WHERE id = $1::uuid`,
            rule.id,
            Number(m.n),
            JSON.stringify(markets),
          );
          result.folded++;
        }
      }
      return result;
    });
    this.after(toasts, wrote);
    return summary;
  }

  /** Sends the folds of throttled rules whose window has passed, then announces stale batches. */
  async tick(): Promise<{ fired: number; announced: Announced }> {
    const toasts: Toast[] = [];
    let wrote = false;
    const fired = await this.db.prisma.$transaction(async (tx) => {
      const due = await tx.$queryRawUnsafe<RuleRow[]>(
        `SELECT ${RULE_COLUMNS} FROM alert_rules
         WHERE enabled AND pending_count > 0 AND (last_fired_at IS NULL OR last_fired_at + throttle_minutes * interval '1 minute' <= now())
         ORDER BY id FOR UPDATE SKIP LOCKED`,
      );
      for (const rule of due) {
        const pending = Number(rule.pending_count);
        const sent = await this.fire(tx, rule, { count: pending, folded: pending, markets: jsonOf(rule.pending_markets) });
        if (sent.toast) toasts.push(sent.toast);
        wrote ||= sent.wrote;
      }
      return due.length;
    });
    this.after(toasts, wrote);
    return { fired, announced: await this.announceStale(STALE_MS) };
  }

  /** Batches left unannounced for longer than `staleMs`, a slice at a time until none is left. */
  private async announceStale(staleMs: number): Promise<Announced> {
    const announced = nothingAnnounced();
    for (;;) {
      const done = await this.announceOnce([], staleMs);
      addInto(announced, done);
      if (done.batches < SLICE_BATCHES[this.db.kind]) return announced;
    }
  }

  /**
   * Ticks every TICK_MS until close(); a failed tick (database away) is tried again at the next.
   * PGlite has one process: a batch left unannounced at start was left by a process that is gone,
   * so it is announced now rather than STALE_MS later.
   */
  async start(): Promise<void> {
    if (this.timer) return;
    if (this.db.kind === "pglite") {
      const recovered = await this.announceStale(0).catch((e) =>
        log.warn(`[alerts] announcing left-over batches failed: ${(e as Error).message}`),
      );
      if (recovered && recovered.markets > 0)
        log.info(`[alerts] announced ${recovered.markets} markets a previous process had not announced`);
    }
    this.timer = setInterval(() => {
      if (this.ticking) return;
      this.ticking = this.tick()
        .catch((e) => log.warn(`[alerts] tick failed, tried again in ${TICK_MS / 1000} s: ${(e as Error).message}`))
        .finally(() => (this.ticking = null));
    }, TICK_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** One notification of a rule: its actions, and its last firing recorded (the fold emptied). */
  private async fire(
    tx: Tx,
    rule: RuleRow,
    n: { count: number; folded: number; markets: Market[] },
  ): Promise<{ toast: Toast | null; wrote: boolean }> {
    await tx.$executeRawUnsafe(
      `UPDATE alert_rules SET last_fired_at = now(), last_fired_count = $2, fired_total = fired_total + 1,
         pending_count = 0, pending_markets = '[]', pending_since = NULL
       WHERE id = $1::uuid`,
      rule.id,
      n.count,
    );
    const data: AlertFiredData = { rule: { id: rule.id, name: rule.name }, count: n.count, folded: n.folded, markets: n.markets };
    if (rule.webhook_endpoint_id) await writeEventTo(tx, rule.webhook_endpoint_id, ALERT_FIRED_EVENT, envelopeOf(ALERT_FIRED_EVENT, data));
    if (rule.chat_endpoint_id) await writeEventTo(tx, rule.chat_endpoint_id, ALERT_FIRED_EVENT, chatMessageOf(data, this.publicUrl()));
    return {
      toast: rule.toast ? { count: n.count, markets: n.markets } : null,
      wrote: Boolean(rule.webhook_endpoint_id || rule.chat_endpoint_id),
    };
  }

  private publicUrl(): string {
    return this.options.publicUrl?.() ?? "http://localhost:3000";
  }

  /**
   * After the commit: one toast for every rule that fired with a toast (a market several rules
   * matched is named once; the count is the largest rule's, or the markets named when more), and
   * the dispatcher woken when deliveries were written.
   */
  private after(toasts: Toast[], wrote: boolean): void {
    if (wrote) this.options.wake?.();
    if (toasts.length === 0) return;
    const byId = new Map<string, Market>();
    let count = 0;
    for (const t of toasts) {
      count = Math.max(count, t.count);
      for (const m of t.markets) byId.set(`${m.id}:${m.cause}`, m);
    }
    const markets = [...byId.values()].slice(0, ALERT_MARKETS_CAP);
    this.publisher.publish("unmapped_alert", { count: Math.max(count, byId.size), markets });
  }
}
