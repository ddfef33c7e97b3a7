// Who a request is. A session cookie is checked by better-auth (getSession); a bearer token by its
// api-key plugin (verifyApiKey, which also records last use). The answer is cached briefly
// (PrincipalCache) and dropped at once when a token is revoked or a person disabled, demoted or
// given a new password: in this process directly, in the others through a PostgreSQL NOTIFY, and
// their open Socket.IO connections (rooms user:<id> and token:<id>) are closed.
import type { Server } from "socket.io";
import { ROLES, roleSchema, type Principal, type Role } from "@/lib/contract/auth";
import { SYSTEM_ACTOR } from "@/lib/contract/audit";
import { log } from "@/server/log";
import { AuditService } from "../audit/audit-service";
import type { Database } from "../db/client";
import { LOCKS } from "../db/locks";
import { conflict } from "../http/errors";
import { createAuthLibrary, TOKEN_PREFIX, type AuthLibrary, type AuthLibraryOptions } from "./library";
import { PrincipalCache } from "./principal-cache";

const SESSION_TTL_MS = 15_000;
const TOKEN_TTL_MS = 60_000;
const AUTH_CHANGED = "market_triage_auth_changed";

export interface Resolved {
  principal: Principal;
  /** A cookie is sent by the browser on its own, so its writes are checked for their origin; a bearer token is not. */
  via: "cookie" | "bearer";
}

const asRole = (v: unknown): Role => roleSchema.catch("viewer").parse(v);
const lowest = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

function bearerOf(headers: Headers): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return m ? m[1] : null;
}

export class AuthService {
  readonly cache = new PrincipalCache();
  private lib: AuthLibrary | undefined;
  private io: Server | undefined;
  /** PGlite's advisory lock is re-entrant on its one connection: this keeps two setups in one process apart. */
  private setupQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly secret: string,
  ) {}

  /** Signs a person in as if they had used the sign-in form: the Set-Cookie headers of the new session. */
  async signIn(email: string, password: string, headers: Headers): Promise<string[]> {
    const res = await this.library.api.signInEmail({ body: { email, password }, headers, asResponse: true });
    if (!res.ok) throw new Error(`sign-in after setup failed: ${res.status}`);
    return res.headers.getSetCookie();
  }

  /** Called once the address is known (PUBLIC_URL or the bound port) and Socket.IO is attached. */
  async start(o: Omit<AuthLibraryOptions, "prisma" | "secret">, io: Server): Promise<void> {
    this.lib = createAuthLibrary({ ...o, prisma: this.db.prisma, secret: this.secret });
    this.io = io;
    await this.db.listen(AUTH_CHANGED, () => this.cache.clear());
  }

  get library(): AuthLibrary {
    if (!this.lib) throw new Error("AuthService.start() has not run");
    return this.lib;
  }

  async resolve(headers: Headers, token: string | null = null): Promise<Resolved | null> {
    const bearer = token ?? bearerOf(headers);
    if (bearer !== null) {
      const principal = await this.fromToken(bearer);
      return principal ? { principal, via: "bearer" } : null;
    }
    const cookie = headers.get("cookie");
    if (!cookie || !cookie.includes("session_token")) return null;
    const cached = this.cache.get(`c:${cookie}`);
    if (cached) return { principal: cached, via: "cookie" };
    const session = await this.library.api.getSession({ headers: new Headers({ cookie }) });
    if (!session || session.user.banned) return null;
    const principal: Principal = {
      kind: "user",
      userId: session.user.id,
      name: session.user.name,
      email: session.user.email,
      role: asRole(session.user.role),
      tokenId: null,
    };
    this.cache.set(`c:${cookie}`, principal, SESSION_TTL_MS);
    return { principal, via: "cookie" };
  }

  private async fromToken(key: string): Promise<Principal | null> {
    if (!key.startsWith(TOKEN_PREFIX)) return null;
    const cached = this.cache.get(`t:${key}`);
    if (cached) return cached;
    const verified = await this.library.api.verifyApiKey({ body: { key } });
    if (!verified.valid || !verified.key) return null;
    const owner = await this.db.prisma.user.findUnique({ where: { id: verified.key.referenceId } });
    if (!owner || owner.banned) return null;
    const metadata = (verified.key.metadata ?? {}) as { role?: unknown };
    // A token never does more than its owner may now: a demoted owner's tokens are demoted too.
    const role = lowest(asRole(metadata.role), asRole(owner.role));
    const principal: Principal = {
      kind: "token",
      userId: owner.id,
      name: verified.key.name ?? "token",
      email: null,
      role,
      tokenId: verified.key.id,
    };
    this.cache.set(`t:${key}`, principal, TOKEN_TTL_MS);
    return principal;
  }

  /** A token was revoked, or a person disabled, demoted or given a new password: forget (and disconnect) them everywhere. */
  async revoked(what: { userId?: string; tokenId?: string; disconnect?: boolean }): Promise<void> {
    if (what.userId) this.cache.dropUser(what.userId);
    if (what.tokenId) this.cache.dropToken(what.tokenId);
    // With the Redis adapter this reaches the sockets of every process. A role change keeps them:
    // what a socket receives does not depend on the role.
    if (what.userId && what.disconnect !== false) this.io?.in(`user:${what.userId}`).disconnectSockets(true);
    if (what.tokenId) this.io?.in(`token:${what.tokenId}`).disconnectSockets(true);
    await this.db.notify(AUTH_CHANGED).catch((e) => log.warn(`[auth] could not tell other processes: ${(e as Error).message}`));
  }

  async userCount(): Promise<number> {
    return this.db.prisma.user.count();
  }

  /**
   * Creates an admin while no user exists (the first admin: /api/setup or ADMIN_EMAIL at start),
   * under a lock so two at once cannot both succeed; 409 once someone exists.
   */
  async createFirstAdmin(
    p: { name: string; email: string; password: string },
    via: "setup" | "ADMIN_EMAIL",
  ): Promise<{ id: string; name: string }> {
    const run = this.setupQueue.then(() =>
      this.db.withAdvisoryLock(LOCKS.firstAdmin, async () => {
        if ((await this.userCount()) > 0) throw conflict("The first admin exists already; sign in instead");
        const { user } = await this.library.api.createUser({ body: { ...p, role: "admin" } });
        await this.db.prisma.user.update({ where: { id: user.id }, data: { emailVerified: true } });
        await AuditService.record(this.db.prisma, {
          entityType: "user",
          entityId: user.id,
          action: "user_created",
          actor: SYSTEM_ACTOR,
          after: { name: p.name, email: p.email, role: "admin" },
          reason: `The first admin (${via})`,
        });
        return { id: user.id, name: user.name };
      }),
    );
    this.setupQueue = run.catch(() => undefined);
    return run;
  }
}
