// Delivers the outbox. Each pass claims the due head of every endpoint's queue (its oldest pending
// delivery, so an endpoint never gets event N+1 before N succeeded or failed for good), sends
// them (one per endpoint, endpoints in parallel), and records each outcome. A claim is a lease
// (leased_until) taken in one statement with FOR UPDATE SKIP LOCKED, so with several processes on
// one PostgreSQL each delivery is sent by one of them; a lease left by a process that died runs
// out and the delivery is due again (PGlite: one process, so its leases are cleared at start).
// It wakes on new outbox rows (in process, and NOTIFY from the others), otherwise sleeps until the
// next retry is due; with the database down it waits and tries again, losing nothing.
import type { Config } from "@/server/config";
import type { Database } from "@/server/db/client";
import { log } from "@/server/log";
import { postSigned, type AttemptResult } from "./send";
import type { WebhookOutbox } from "./outbox";

/** Deliveries claimed per pass (each to another endpoint). */
const CLAIM_BATCH = 16;
/** Longest sleep without a wake-up: covers retries another process scheduled. */
const IDLE_MAX_MS = 30_000;
/** Longest wait between two retries of one delivery, whatever the back-off reaches. */
const RETRY_MAX_MS = 3_600_000;
/** The delivery log is pruned at most this often, this many events a statement. */
const PRUNE_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 5_000;
/** Waits after a database error before the next pass, doubling up to the max. */
const DB_RETRY_MS = { first: 250, max: 5_000 };

interface Claimed {
  id: string;
  event_id: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  payload: unknown;
  retry_from: Date | string;
}

// The heads of the queues, then of those the due ones, locked (SKIP LOCKED: another process has
// it) and leased. The lease conditions are on `d` itself, so a row another process leased after
// this statement's snapshot is re-checked once its lock is released, and skipped.
const CLAIM_SQL = `WITH heads AS (
    SELECT DISTINCT ON (endpoint_id) id FROM webhook_deliveries WHERE status = 'pending' ORDER BY endpoint_id, id
  ), due AS (
    SELECT d.id FROM webhook_deliveries d JOIN heads h ON h.id = d.id JOIN webhook_endpoints e ON e.id = d.endpoint_id
    WHERE e.active AND d.status = 'pending' AND d.next_attempt_at <= now() AND (d.leased_until IS NULL OR d.leased_until <= now())
    ORDER BY d.id LIMIT $1
    FOR UPDATE OF d SKIP LOCKED
  )
  UPDATE webhook_deliveries d SET leased_until = now() + $2::int * interval '1 millisecond', attempts = d.attempts + 1,
    last_attempt_at = now()
  FROM due, webhook_endpoints e, webhook_events v
  WHERE d.id = due.id AND e.id = d.endpoint_id AND v.id = d.event_id
  RETURNING d.id::text AS id, d.event_id, d.attempts, e.url, e.secret,
    CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret, v.payload, d.retry_from`;

// A failure starts a new streak when the endpoint was not failing, or its previous failure is
// older than the longest gap between two failing attempts ($10 ms: the longest back-off, the idle
// sleep and an attempt's lease): something in between was not a failure (or nothing was tried),
// so one failure, a quiet day and one more failure is not "failing for a day".
const RESTARTS = `(e.failing_since IS NULL OR COALESCE(e.last_failed_at, e.failing_since) < now() - $10::int * interval '1 millisecond')`;

// When a failure disables the endpoint: failing without a break ($7: not a success; not a new
// streak) and either a delivery retried to the end of its window ($9: the endpoint, whose queue it
// headed, failed all that time) or failing for the window anyway.
const GIVES_UP = `(NOT $7::boolean AND NOT ${RESTARTS} AND ($9::boolean OR e.failing_since < now() - $8::float8 * interval '1 hour'))`;

// The outcome, and the endpoint's failing state: a success clears it; a failure starts or
// continues a streak and, after the retry window of failing, disables the endpoint (flagged in the
// UI). SET reads the row as it was, so GIVES_UP sees the streak before this failure.
const RECORD_SQL = `WITH d AS (
    UPDATE webhook_deliveries SET status = $2::text, next_attempt_at = COALESCE($3::timestamptz, next_attempt_at),
      leased_until = NULL, response_code = $4::int, duration_ms = $5::int, error = $6::text
    WHERE id = $1::bigint RETURNING endpoint_id
  )
  UPDATE webhook_endpoints e SET
    failing_since = CASE WHEN $7::boolean THEN NULL WHEN ${RESTARTS} THEN now() ELSE e.failing_since END,
    last_failed_at = CASE WHEN $7::boolean THEN e.last_failed_at ELSE now() END,
    active = CASE WHEN ${GIVES_UP} THEN false ELSE e.active END,
    disabled_at = CASE WHEN ${GIVES_UP} AND e.active THEN now() ELSE e.disabled_at END
  FROM d WHERE e.id = d.endpoint_id
  RETURNING e.active`;

// Finished events (no delivery pending) past the retention, oldest first; their deliveries go with them (cascade).
const PRUNE_SQL = `WITH old AS (
    SELECT e.id FROM webhook_events e
    WHERE e.created_at < now() - $1::int * interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')
    ORDER BY e.created_at LIMIT $2::int
  ), gone AS (DELETE FROM webhook_events e USING old WHERE e.id = old.id RETURNING 1)
  SELECT count(*)::int AS n FROM gone`;

const NEXT_DUE_SQL = `SELECT min(GREATEST(d.next_attempt_at, COALESCE(d.leased_until, d.next_attempt_at))) AS at
  FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.status = 'pending' AND e.active`;

/** Retryable: no answer (network error, timeout), 429 and 5xx; any other 4xx (or 3xx) is final. */
const retryable = (r: AttemptResult) => r.status === null || r.status === 429 || r.status >= 500;

/** Exponential back-off with jitter: attempt n waits between half and all of base x 2^(n-1). */
export function backoffMs(attempt: number, baseMs: number, random = Math.random): number {
  const full = Math.min(RETRY_MAX_MS, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(full / 2 + (random() * full) / 2);
}

export class WebhookDispatcher {
  private stopped = false;
  private running: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private readonly unsubscribe: () => void;
  /** Outcomes the database could not take yet: recorded before anything new is claimed. */
  private readonly unrecorded: Array<() => Promise<void>> = [];
  private lastPrune = 0;

  constructor(
    private readonly db: Database,
    outbox: WebhookOutbox,
    private readonly config: Pick<
      Config,
      "WEBHOOK_TIMEOUT_MS" | "WEBHOOK_RETRY_BASE_MS" | "WEBHOOK_RETRY_WINDOW_HOURS" | "WEBHOOK_ALLOW_PRIVATE" | "WEBHOOK_LOG_RETENTION_DAYS"
    >,
  ) {
    this.unsubscribe = outbox.onWritten(() => this.wake());
  }

  /** How long a claim holds a delivery: the attempt's deadline and a margin for recording it. */
  private get leaseMs() {
    return this.config.WEBHOOK_TIMEOUT_MS * 2 + 5_000;
  }

  async start(): Promise<void> {
    // One process owns a PGlite database: a lease in it is from a process that is gone.
    if (this.db.kind === "pglite") await this.db.query(`UPDATE webhook_deliveries SET leased_until = NULL WHERE leased_until IS NOT NULL`);
    this.running = this.loop();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Waits for the attempts in flight and records them; claims nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.wakeUp?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    let dbWait = DB_RETRY_MS.first;
    while (!this.stopped) {
      let sleepMs: number;
      try {
        this.woken = false;
        while (this.unrecorded.length > 0) {
          await this.unrecorded[0]();
          this.unrecorded.shift();
        }
        const claimed = await this.db.query<Claimed>(CLAIM_SQL, [CLAIM_BATCH, this.leaseMs]);
        dbWait = DB_RETRY_MS.first;
        if (claimed.length > 0) {
          await Promise.all(claimed.map((c) => this.deliver(c)));
          continue;
        }
        if (this.woken) continue;
        if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
          this.lastPrune = Date.now();
          await this.prune().catch((e) => log.warn(`[webhooks] pruning the delivery log failed: ${(e as Error).message}`));
        }
        const [next] = await this.db.query<{ at: Date | string | null }>(NEXT_DUE_SQL);
        sleepMs = next.at === null ? IDLE_MAX_MS : Math.max(10, Math.min(IDLE_MAX_MS, new Date(next.at).getTime() - Date.now()));
      } catch (e) {
        if (this.stopped) break;
        log.warn(`[webhooks] the outbox is waiting for the database: ${(e as Error).message}`);
        sleepMs = dbWait;
        dbWait = Math.min(DB_RETRY_MS.max, dbWait * 2);
      }
      if (this.woken || this.stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleepMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** Deletes finished events older than WEBHOOK_LOG_RETENTION_DAYS with their deliveries; how many. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = await this.db.query<{ n: number }>(PRUNE_SQL, [this.config.WEBHOOK_LOG_RETENTION_DAYS, PRUNE_BATCH]);
      total += Number(n);
      if (Number(n) < PRUNE_BATCH || this.stopped) return total;
    }
  }

  private async deliver(c: Claimed): Promise<void> {
    const body = JSON.stringify(c.payload && typeof c.payload === "string" ? JSON.parse(c.payload) : c.payload);
    const secrets = c.previous_secret ? [c.secret, c.previous_secret] : [c.secret];
    const r = await postSigned(c.url, c.event_id, body, secrets, {
      timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE,
    });
    const ok = r.status !== null && r.status >= 200 && r.status < 300;
    let status: "succeeded" | "pending" | "failed" = ok ? "succeeded" : "failed";
    let next: Date | null = null;
    let exhausted = false;
    if (!ok && retryable(r)) {
      // A 429's Retry-After lengthens the back-off, never shortens it (0 or a past date still backs
      // off), and is capped like it: a receiver asking for a day is tried again within the hour.
      const asked = r.status === 429 ? (r.retryAfterMs ?? 0) : 0;
      const wait = Math.min(RETRY_MAX_MS, Math.max(backoffMs(Number(c.attempts), this.config.WEBHOOK_RETRY_BASE_MS), asked));
      const now = Date.now();
      const windowEnd = new Date(c.retry_from).getTime() + this.config.WEBHOOK_RETRY_WINDOW_HOURS * 3_600_000;
      // A wait past the window's end still gets one last attempt at its end; one at or past the
      // end that fails is the last.
      if (now < windowEnd) {
        status = "pending";
        next = new Date(Math.min(now + wait, windowEnd));
      } else exhausted = true;
    }
    const record = async () => {
      const rows = await this.db.query<{ active: boolean }>(RECORD_SQL, [
        c.id,
        status,
        next?.toISOString() ?? null,
        r.status,
        r.durationMs,
        r.error?.slice(0, 500) ?? null,
        ok,
        this.config.WEBHOOK_RETRY_WINDOW_HOURS,
        exhausted,
        RETRY_MAX_MS + IDLE_MAX_MS + this.leaseMs,
      ]);
      if (rows[0] && !rows[0].active && !ok)
        log.warn(`[webhooks] endpoint of delivery ${c.id} failed for the whole retry window: disabled`);
    };
    try {
      await record();
    } catch (e) {
      // Sent but not recorded: kept and recorded first when the database answers again, so a
      // receiver that answered 2xx does not get it again from this process.
      log.warn(`[webhooks] recording delivery ${c.id} failed, kept for the next pass: ${(e as Error).message}`);
      this.unrecorded.push(record);
    }
  }
}
