// The key that signs session cookies. Set BETTER_AUTH_SECRET (or AUTH_SECRET) in production. The
// embedded database is one process with its own folder, so it can keep a generated key there and
// reuse it (sessions survive a restart); PostgreSQL may have several processes that must all sign
// alike, so there a missing secret stops the start instead of each process inventing its own.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";

export class AuthSecretMissingError extends Error {
  constructor() {
    super(
      "BETTER_AUTH_SECRET is not set: with DATABASE_URL every process must share one secret. Set BETTER_AUTH_SECRET to a random string of 32+ characters (e.g. `openssl rand -base64 48`).",
    );
  }
}

export const AUTH_SECRET_FILE = "auth-secret";

/** Creates DATA_DIR/auth-secret (mode 0600) once and reads it back afterwards. */
function secretInFolder(dataDir: string): string {
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // wx: never overwrite a secret another start wrote; the mode is set at creation.
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters: delete it to have a new one made`);
  return secret;
}

export function resolveAuthSecret(
  config: Pick<Config, "BETTER_AUTH_SECRET" | "AUTH_SECRET" | "DATABASE_URL" | "DATA_DIR" | "dataDir">,
): string {
  const given = config.BETTER_AUTH_SECRET ?? config.AUTH_SECRET;
  if (given) return given;
  if (config.DATABASE_URL) throw new AuthSecretMissingError();
  // Nothing outlives an in-memory database, so neither need its sessions.
  if (config.DATA_DIR === "memory://") return randomBytes(48).toString("base64url");
  return secretInFolder(config.dataDir);
}
