// Who can be picked as an assignee: every enabled person (better-auth's ban is how a person is
// disabled: `banned` true), with their role, by name. Readable by every signed-in principal, unlike
// the admin's /api/users, so it carries nothing private (no email, no activity).
import { roleSchema } from "@/lib/contract/auth";
import type { People } from "@/lib/contract/views";
import type { PrismaClient } from "@/generated/prisma/client";
import { pageInMemory, wholeList, type Paging } from "@/server/http/cursor";

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export class PeopleDirectory {
  constructor(private readonly prisma: PrismaClient) {}

  /** By name, then id; by cursor, the people after the last one sent. */
  async list(paging: Paging = wholeList()): Promise<People> {
    const rows = await this.prisma.user.findMany({
      // banned is nullable: NOT (banned = true) would drop the NULLs too.
      where: { OR: [{ banned: null }, { banned: false }] },
      select: { id: true, name: true, role: true },
    });
    // Sorted here, not by the database's collation (PGlite's and a PostgreSQL's can differ on case).
    type Key = Pick<(typeof rows)[number], "id" | "name">;
    const compare = (a: Key, b: Key) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    rows.sort(compare);
    const page = pageInMemory(
      paging,
      rows,
      compare,
      (r) => [r.name, r.id],
      ([name, id]) => ({ name: String(name), id: String(id) }),
    );
    return {
      items: page.items.map((r) => ({ id: r.id, name: r.name, role: roleSchema.catch("viewer").parse(r.role) })),
      nextCursor: page.nextCursor,
    };
  }
}
