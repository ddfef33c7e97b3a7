// Who a credential is, remembered briefly so a request does not cost a database round trip (and,
// for a token, a last-used write) each time. Entries go at once when their user or token is
// revoked or disabled (`dropUser`, `dropToken`); another process's change arrives as a NOTIFY that
// clears everything (server/auth/auth-service.ts), so the TTLs only bound what a missed NOTIFY costs.
import type { Principal } from "@/lib/contract/auth";

interface Entry {
  principal: Principal;
  expires: number;
}

/** Past this many credentials the oldest go first; a busy server has far fewer live sessions. */
const MAX_ENTRIES = 10_000;

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Principal | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.principal;
  }

  set(key: string, principal: Principal, ttlMs: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, expires: this.now() + ttlMs });
  }

  /** The user's sessions and tokens. */
  dropUser(userId: string): void {
    for (const [k, e] of this.entries) if (e.principal.userId === userId) this.entries.delete(k);
  }

  dropToken(tokenId: string): void {
    for (const [k, e] of this.entries) if (e.principal.tokenId === tokenId) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
