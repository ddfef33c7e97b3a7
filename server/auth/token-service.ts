// API tokens: better-auth's api-key plugin makes and checks them (stored hashed, shown once); this
// service adds what the product decides: a token's role is at most its creator's, people see their
// own tokens (admins everyone's), a revoke is final at once (row deleted, caches dropped, sockets
// closed), and each creation and revoke is in the audit trail.
import type { ApiToken, ApiTokenCreate, ApiTokenCreated, Principal, Role } from "@/lib/contract/auth";
import { roleAtLeast, roleSchema } from "@/lib/contract/auth";
import type { Actor } from "@/lib/contract/audit";
import type { PrismaClient } from "@/generated/prisma/client";
import { AuditService } from "../audit/audit-service";
import { afterTimestamp, cursorPage, takeOf, wholeList, type Paging } from "../http/cursor";
import { badRequest, forbidden, notFound } from "../http/errors";
import type { AuthService } from "./auth-service";

const roleOf = (metadata: string | null): Role => {
  try {
    return roleSchema.catch("viewer").parse((JSON.parse(metadata ?? "{}") as { role?: unknown }).role);
  } catch {
    return "viewer";
  }
};

export class TokenService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly auth: AuthService,
  ) {}

  /** Newest first, then by id; by cursor, the tokens after the last one sent. */
  async list(principal: Principal, paging: Paging = wholeList()): Promise<{ items: ApiToken[]; nextCursor: string | null }> {
    const found = await this.prisma.apikey.findMany({
      where: {
        ...(principal.role === "admin" ? {} : { referenceId: principal.userId }),
        ...afterTimestamp(paging, "createdAt", "desc", "asc"),
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: takeOf(paging),
    });
    const { items: rows, nextCursor } = cursorPage(paging, found, (r) => [r.createdAt.toISOString(), r.id]);
    const owners = await this.prisma.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.referenceId))] } },
      select: { id: true, name: true },
    });
    const names = new Map(owners.map((o) => [o.id, o.name]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name ?? "",
        role: roleOf(r.metadata),
        start: r.start,
        ownerId: r.referenceId,
        ownerName: names.get(r.referenceId) ?? null,
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt?.toISOString() ?? null,
        lastUsedAt: r.lastRequest?.toISOString() ?? null,
      })),
      nextCursor,
    };
  }

  async create(principal: Principal, body: ApiTokenCreate, actor: Actor): Promise<ApiTokenCreated> {
    if (!roleAtLeast(principal.role, body.role)) {
      throw forbidden(`A token's role can be at most yours (${principal.role}); ${body.role} was asked for`);
    }
    let expiresIn: number | null = null;
    if (body.expiresAt) {
      expiresIn = Math.ceil((Date.parse(body.expiresAt) - Date.now()) / 1000);
      if (expiresIn < 60) throw badRequest("The request body is invalid", [{ field: "body.expiresAt", message: "must be in the future" }]);
    }
    const created = await this.auth.library.api.createApiKey({
      body: { userId: principal.userId, name: body.name, metadata: { role: body.role }, expiresIn },
    });
    await AuditService.record(this.prisma, {
      entityType: "api_token",
      entityId: created.id,
      action: "token_created",
      actor,
      after: { name: body.name, role: body.role, ownerId: principal.userId, expiresAt: created.expiresAt ?? null },
    });
    return {
      id: created.id,
      name: body.name,
      role: body.role,
      token: created.key,
      createdAt: new Date(created.createdAt).toISOString(),
      expiresAt: created.expiresAt ? new Date(created.expiresAt).toISOString() : null,
    };
  }

  /** The owner or an admin; anyone else is told it does not exist (token ids are not theirs to probe). */
  async revoke(principal: Principal, tokenId: string, actor: Actor): Promise<void> {
    const row = await this.prisma.apikey.findUnique({ where: { id: tokenId } });
    if (!row || (row.referenceId !== principal.userId && principal.role !== "admin")) throw notFound(`Token ${tokenId}`);
    await this.prisma.$transaction(async (tx) => {
      await tx.apikey.delete({ where: { id: tokenId } });
      await AuditService.record(tx, {
        entityType: "api_token",
        entityId: tokenId,
        action: "token_revoked",
        actor,
        before: { name: row.name, role: roleOf(row.metadata), ownerId: row.referenceId },
      });
    });
    await this.auth.revoked({ tokenId });
  }
}
