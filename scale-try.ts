import { performance } from "node:perf_hooks";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createPostgresDatabase } from "@/server/testing/databases";
import { seedMarkets, counterMismatches } from "@/server/testing/seed";
import { listSql } from "@/server/discovery/list-sql";
const N = Number(process.argv[2] ?? 1_000_000);
const kind = process.argv[3] ?? "postgres";
const created = kind === "postgres" ? await createPostgresDatabase() : undefined;
const db = await openDatabase(created ? { url: created.url } : { memory: true });
await migrate(db);
let t = performance.now();
await seedMarkets(db, N);
console.log("seed", (performance.now() - t).toFixed(0), "ms");
t = performance.now();
await db.exec("VACUUM ANALYZE unmapped_markets");
console.log("vacuum", (performance.now() - t).toFixed(0), "ms");
console.log(await counterMismatches(db));
const base = { sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 } as const;
for (const q of [base, { ...base, status: ["NEW"], sort: "priority" }, { ...base, page: 1000 }, { ...base, status: ["NEW"], sort: "priority", page: 1000 }, { ...base, q: "corners" }, { ...base, source: "sportybet", sort: "occurrenceCount" }, { ...base, q: "corners", page: 100 }] as const) {
  const s = listSql(q as never);
  for (const sql of [s.rows, s.total]) {
    t = performance.now();
    await db.query(sql, s.params);
    const a = performance.now() - t;
    t = performance.now();
    await db.query(sql, s.params);
    console.log(JSON.stringify(q).slice(0, 90), sql.slice(0, 30).replace(/\s+/g, " "), a.toFixed(1), (performance.now() - t).toFixed(1));
  }
  if (process.env.PLAN) console.log((await db.query<{ "QUERY PLAN": string }>("EXPLAIN ANALYZE " + s.rows, s.params)).map((r) => r["QUERY PLAN"]).join("\n"));
}
await db.close();
await created?.drop();
