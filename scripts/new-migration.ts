// `npm run db:migration -- <name>`: writes the SQL that takes the committed migrations to the
// current prisma/schema.prisma into prisma/migrations/<timestamp>_<name>/migration.sql. The
// Prisma CLI runs against in-memory PGlite only (prisma.config.ts), never the real data folder.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (name: lower-case letters, digits and _)");
  process.exit(2);
}
const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mt-migration-")), "migration.sql");
const r = spawnSync(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
    "-o",
    tmp,
  ],
  { stdio: "inherit", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://cli/placeholder" } },
);
if (r.status !== 0) process.exit(r.status ?? 1);
const sql = fs.readFileSync(tmp, "utf8");
if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
  console.log("The schema matches the committed migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql; review it, then commit it.`);
