// Request limits that stop password guessing and a runaway tool: sign-in attempts per client IP
// and per account, and API requests per token. In memory for one process; with REDIS_URL the
// counters live in Redis, so several processes share one budget (a guesser cannot multiply it by
// the number of processes). If Redis is unreachable the memory limiter stands in (insurance).
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createClient } from "redis";
import type { Config } from "../config";
import { log } from "../log";

type Limits = Pick<
  Config,
  "SIGNIN_LIMIT_PER_IP" | "SIGNIN_LIMIT_PER_ACCOUNT" | "SIGNIN_LIMIT_WINDOW_SECONDS" | "API_TOKEN_RATE_PER_MINUTE" | "REDIS_URL"
>;

/** Seconds until the caller may try again, or null when the request is within its limit. */
export type Verdict = number | null;

async function take(limiter: RateLimiterAbstract, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    // A limiter that cannot count (Redis down with no insurance) must not lock everybody out.
    log.warn(`[rate-limit] not counted: ${(e as Error).message}`);
    return null;
  }
}

export class RateLimits {
  private constructor(
    private readonly signinIp: RateLimiterAbstract,
    private readonly signinAccount: RateLimiterAbstract,
    private readonly token: RateLimiterAbstract,
    private readonly redis: { quit(): Promise<unknown> } | null,
  ) {}

  static async create(c: Limits): Promise<RateLimits> {
    const specs = {
      signinIp: { keyPrefix: "mt_signin_ip", points: c.SIGNIN_LIMIT_PER_IP, duration: c.SIGNIN_LIMIT_WINDOW_SECONDS },
      signinAccount: { keyPrefix: "mt_signin_account", points: c.SIGNIN_LIMIT_PER_ACCOUNT, duration: c.SIGNIN_LIMIT_WINDOW_SECONDS },
      token: { keyPrefix: "mt_api_token", points: c.API_TOKEN_RATE_PER_MINUTE, duration: 60 },
    };
    if (!c.REDIS_URL) {
      return new RateLimits(
        new RateLimiterMemory(specs.signinIp),
        new RateLimiterMemory(specs.signinAccount),
        new RateLimiterMemory(specs.token),
        null,
      );
    }
    const client = createClient({ url: c.REDIS_URL });
    client.on("error", (e: Error) => log.error("[rate-limit] Redis error:", e.message));
    await client.connect();
    const redis = (spec: { keyPrefix: string; points: number; duration: number }) =>
      new RateLimiterRedis({ ...spec, storeClient: client, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(spec) });
    return new RateLimits(redis(specs.signinIp), redis(specs.signinAccount), redis(specs.token), client);
  }

  /** One sign-in attempt: refused when either the IP's or the account's budget is spent. */
  async signIn(ip: string, email: string | null): Promise<Verdict> {
    const byIp = await take(this.signinIp, ip);
    if (byIp !== null) return byIp;
    return email ? take(this.signinAccount, email.toLowerCase()) : null;
  }

  /** A successful sign-in clears the account's count, so a person's typos do not pile up against them. */
  async signedIn(email: string): Promise<void> {
    await this.signinAccount.delete(email.toLowerCase()).catch(() => undefined);
  }

  async apiRequest(tokenId: string): Promise<Verdict> {
    return take(this.token, tokenId);
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
