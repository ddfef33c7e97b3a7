// A driver adapter for the Prisma CLI on an in-memory PGlite, working around two bugs of
// pglite-prisma-adapter 0.6.1 (see STACK notes): executeScript does not await exec(), so a failed
// script looks applied; and the schema engine sends multi-statement SQL through executeRaw on the
// shadow database, which the extended-query protocol rejects (P3006).
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;

const startParams = [...PGlite.defaultStartParams, "-c", "log_startup_progress_interval=0"];

function patch(adapter: Adapter, pg: PGlite, shadow: boolean): Adapter {
  adapter.executeScript = async (script: string) => {
    await pg.exec(script);
  };
  if (shadow) {
    const original = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => (query.args.length === 0 ? (await pg.exec(query.sql), 0) : original(query));
    adapter.dispose = async () => pg.close();
  }
  return adapter;
}

export async function cliAdapter() {
  const pg = new PGlite("memory://", { startParams, extensions: { pg_trgm } } as never);
  const factory = new PrismaPGlite(pg);
  return {
    provider: "postgres" as const,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect(), pg, false),
    connectToShadowDb: async () => {
      const shadow = new PGlite("memory://", { startParams, extensions: { pg_trgm } } as never);
      return patch(await new PrismaPGlite(shadow).connect(), shadow, true);
    },
  };
}
