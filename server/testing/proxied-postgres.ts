// A fresh, migrated PostgreSQL database reached two ways: `db` through a TCP proxy the test can
// cut, stall or make drop replies, and `direct`, a connection the faults never touch (to read what
// really committed). For the fault tests.
import { openDatabase, type Database } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createPostgresDatabase } from "./databases";
import { TcpProxy } from "./tcp-proxy";

export interface ProxiedPostgres {
  db: Database;
  direct: Database;
  proxy: TcpProxy;
  close(): Promise<void>;
}

export async function openProxiedPostgres(): Promise<ProxiedPostgres> {
  const created = await createPostgresDatabase();
  const direct = await openDatabase({ url: created.url });
  await migrate(direct);
  const p = await TcpProxy.forUrl(created.url);
  const db = await openDatabase({ url: p.url });
  return {
    db,
    direct,
    proxy: p.proxy,
    async close() {
      await db.close().catch(() => undefined);
      await direct.close();
      await p.proxy.close();
      await created.drop();
    },
  };
}
