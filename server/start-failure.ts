// Why the server could not start, in one line a person can act on, for the failures a user causes:
// bad configuration, a data folder in use, a database that is missing, unreachable or refuses the
// login, a port in use. Anything else is a bug and keeps its stack.
import { AuthSecretMissingError } from "./auth/secret";
import { ConfigError } from "./config";
import { DataDirLockedError } from "./db/lock";
import { MigrationError } from "./db/migrate";

interface CodedError {
  code?: unknown;
  message?: unknown;
}

/** host:port/database as DATABASE_URL names it, without the password. */
function target(databaseUrl: string): { where: string; database: string; user: string } {
  try {
    const u = new URL(databaseUrl);
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default)";
    return { where: `${u.hostname}:${u.port || 5432}`, database, user: decodeURIComponent(u.username) || "(default)" };
  } catch {
    return { where: "(unparseable DATABASE_URL)", database: "?", user: "?" };
  }
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);

export function explainStartFailure(e: unknown, config: { DATABASE_URL?: string; HOST?: string; PORT?: number } = {}): string | null {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof MigrationError || e instanceof AuthSecretMissingError)
    return e.message;
  if (typeof e !== "object" || e === null) return null;
  const { code, message } = e as CodedError;
  const text = typeof message === "string" ? message.replace(/\s+/g, " ").trim() : "";
  if (code === "EADDRINUSE" && config.PORT !== undefined) {
    return `Port ${config.PORT} on ${config.HOST ?? "127.0.0.1"} is already in use by another process: stop it, or start with another PORT (0 picks a free one).`;
  }
  if (!config.DATABASE_URL) return null;
  const db = target(config.DATABASE_URL);
  if (code === "3D000") {
    return `PostgreSQL at ${db.where} has no database "${db.database}" (DATABASE_URL): create it (createdb -h ${db.where.replace(/:(\d+)$/, " -p $1")} ${db.database}) or point DATABASE_URL at an existing one.`;
  }
  if (code === "28P01" || code === "28000") {
    return `PostgreSQL at ${db.where} refused the login of user "${db.user}" to "${db.database}" (DATABASE_URL): ${text}`;
  }
  if ((typeof code === "string" && UNREACHABLE.has(code)) || /timeout exceeded when trying to connect|Connection terminated/i.test(text)) {
    return `Cannot reach PostgreSQL at ${db.where} (DATABASE_URL): ${text || String(code)}. Is it running, and does DATABASE_URL name the right host and port?`;
  }
  return null;
}
