// People (admin only): list, create with a temporary password and a role, change role, disable
// or enable, set a new password. Disabling is better-auth's ban: sign-in refused, every session
// deleted, and the person's tokens refused (AuthService checks the owner), all at once. The last
// active admin can be neither demoted nor disabled, so the product can always be administered:
// checked inside the change's transaction under a lock, so changes at the same moment cannot both
// get past it.
import type { Principal, User, UserCreate, UserPatch } from "@/lib/contract/auth";
import { roleSchema } from "@/lib/contract/auth";
import type { Actor } from "@/lib/contract/audit";
import type { PrismaClient } from "@/generated/prisma/client";
import { AuditService, type AuditRecord } from "../audit/audit-service";
import { LOCKS } from "../db/locks";
import { createdPage, oldestFirst, wholeList, type Paging } from "../http/cursor";
import { conflict, notFound } from "../http/errors";
import type { AuthService } from "./auth-service";

type UserRow = Awaited<ReturnType<PrismaClient["user"]["findFirstOrThrow"]>>;

const isActiveAdmin = (u: { role: string | null; banned: boolean | null }) => u.role === "admin" && u.banned !== true;

/** The columns `patch` changes on `user` and their audit entries; nothing for what is already so. */
function changesOf(user: UserRow, patch: UserPatch, actor: Actor, passwordReset: boolean) {
  const entries: AuditRecord[] = [];
  const base = { entityType: "user" as const, entityId: user.id, actor };
  const data: { role?: string; banned?: boolean; banReason?: string | null } = {};
  if (patch.role !== undefined && patch.role !== user.role) {
    data.role = patch.role;
    entries.push({ ...base, action: "role_changed", before: { role: user.role }, after: { role: patch.role } });
  }
  if (patch.disabled !== undefined && patch.disabled !== (user.banned === true)) {
    data.banned = patch.disabled;
    data.banReason = patch.disabled ? `Disabled by ${actor.name}` : null;
    entries.push({ ...base, action: patch.disabled ? "user_disabled" : "user_enabled" });
  }
  if (passwordReset) entries.push({ ...base, action: "password_reset" });
  return { data, entries };
}

export class PeopleService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly auth: AuthService,
  ) {}

  private async toUsers(rows: UserRow[]): Promise<User[]> {
    const seen = await this.prisma.session.groupBy({
      by: ["userId"],
      where: { userId: { in: rows.map((r) => r.id) } },
      _max: { updatedAt: true },
    });
    const last = new Map(seen.map((s) => [s.userId, s._max.updatedAt]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: roleSchema.catch("viewer").parse(r.role),
      disabled: r.banned === true,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: last.get(r.id)?.toISOString() ?? null,
    }));
  }

  /** Oldest first, then by id; by cursor, the people after the last one sent. */
  async list(paging: Paging = wholeList()): Promise<{ items: User[]; nextCursor: string | null }> {
    const found = await this.prisma.user.findMany(oldestFirst(paging));
    const { items, nextCursor } = createdPage(paging, found);
    return { items: await this.toUsers(items), nextCursor };
  }

  async create(body: UserCreate, actor: Actor): Promise<User> {
    if (await this.prisma.user.findUnique({ where: { email: body.email } })) {
      throw conflict(`Someone with ${body.email} exists already`, { errors: [{ field: "body.email", message: "already in use" }] });
    }
    const { user } = await this.auth.library.api.createUser({ body });
    const row = await this.prisma.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    await AuditService.record(this.prisma, {
      entityType: "user",
      entityId: user.id,
      action: "user_created",
      actor,
      after: { name: body.name, email: body.email, role: body.role },
    });
    return (await this.toUsers([row]))[0];
  }

  async patch(principal: Principal, userId: string, patch: UserPatch, actor: Actor): Promise<User> {
    // Hashing is slow on purpose: done before the transaction, so the lock below is held only for the writes.
    const hash = patch.password === undefined ? null : await (await this.auth.library.$context).password.hash(patch.password);
    const { row, entries, disconnect } = await this.prisma.$transaction(async (tx) => {
      // One change of a person at a time, across processes, and the person and the other admins are
      // read under it: two admins stepping down at once cannot both see the other still there.
      await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCKS.peopleChange})::text AS locked`);
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) throw notFound(`User ${userId}`);
      if (isActiveAdmin(user) && !isActiveAdmin({ role: patch.role ?? user.role, banned: patch.disabled ?? user.banned })) {
        const others = await tx.user.count({ where: { role: "admin", NOT: [{ banned: true }, { id: userId }] } });
        if (others === 0) {
          const who = principal.userId === userId ? "You are" : `${user.name} is`;
          throw conflict(`${who} the last active admin: make someone else admin first`);
        }
      }
      const { data, entries } = changesOf(user, patch, actor, hash !== null);
      const updated = await tx.user.update({ where: { id: userId }, data });
      if (hash) await tx.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash } });
      // Disabled or given a new password: every session of theirs ends now.
      const disconnect = data.banned === true || hash !== null;
      if (disconnect) await tx.session.deleteMany({ where: { userId } });
      await AuditService.record(tx, entries);
      return { row: updated, entries, disconnect };
    });
    if (entries.length) await this.auth.revoked({ userId, disconnect });
    return (await this.toUsers([row]))[0];
  }
}
