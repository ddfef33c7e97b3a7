// better-auth, configured for this product: email + password only (no email is ever sent, and no
// one signs themselves up: people are created by an admin or by /api/setup), roles from its admin
// plugin, hashed API tokens from its api-key plugin, on the project's own Prisma client (PGlite or
// PostgreSQL alike). Its rate limiter is off: server/auth/rate-limits.ts limits sign-in per IP and
// per account with rate-limiter-flexible, shared through Redis when there are several processes.
import { apiKey } from "@better-auth/api-key";
import { prismaAdapter } from "@better-auth/prisma-adapter";
import { betterAuth } from "better-auth";
import { admin } from "better-auth/plugins/admin";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, userAc } from "better-auth/plugins/admin/access";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/contract/auth";
import type { PrismaClient } from "@/generated/prisma/client";
import { log } from "@/server/log";
import { CLIENT_IP_HEADER } from "./client-ip";

// Only admins manage people; viewer and triager differ in the product's routes, not in the library's.
const ac = createAccessControl(defaultStatements);
const roles = { viewer: ac.newRole(userAc.statements), triager: ac.newRole(userAc.statements), admin: ac.newRole(adminAc.statements) };

export interface AuthLibraryOptions {
  prisma: PrismaClient;
  secret: string;
  /** PUBLIC_URL, or the address the server is bound to. */
  baseURL: string;
  trustedOrigins: string[];
  /** Secure cookies: PUBLIC_URL is https (a trusted proxy's https is added per request). */
  secureCookies: boolean;
}

/** A token's prefix: recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = "mt_";

export function createAuthLibrary(o: AuthLibraryOptions) {
  return betterAuth({
    appName: "Market Triage",
    database: prismaAdapter(o.prisma, { provider: "postgresql" }),
    secret: o.secret,
    baseURL: o.baseURL,
    trustedOrigins: o.trustedOrigins,
    telemetry: { enabled: false },
    // A wrong token or password is the caller's mistake, not the server's: debug, not the library's ERROR.
    logger: {
      log: (level, message) => (level === "error" && !/validate API key/i.test(message) ? log.warn : log.debug)(`[auth] ${message}`),
    },
    rateLimit: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: o.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: o.secureCookies },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [
      admin({ ac, roles, defaultRole: "viewer", adminRoles: ["admin"] }),
      apiKey({
        defaultPrefix: TOKEN_PREFIX,
        enableMetadata: true,
        maximumNameLength: 100,
        // The product limits tokens per minute itself (API_TOKEN_RATE_PER_MINUTE), not per day here.
        rateLimit: { enabled: false },
        keyExpiration: { defaultExpiresIn: null, maxExpiresIn: 3650, minExpiresIn: 0 },
      }),
    ],
  });
}

export type AuthLibrary = ReturnType<typeof createAuthLibrary>;
