// Identity and access: who is signed in, the first admin, people (admin only) and API tokens.
// Sign-in, sign-out and sessions are better-auth's own endpoints under /api/auth (e.g.
// POST /api/auth/sign-in/email { email, password }); these are the product's routes around them.
import { z } from "zod";
import { timestampSchema, requestBody } from "./common";
import { listOf, type Keyset } from "./cursor";

export const roleSchema = z.enum(["viewer", "triager", "admin"]).meta({
  id: "Role",
  description:
    "viewer reads everything; triager also changes markets and mappings; admin also starts scrapes and manages people and tokens",
});
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;

/** Whether `role` may do what `needed` may (admin > triager > viewer). */
export const roleAtLeast = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);
const emailSchema = z.email("A valid email address").max(254).toLowerCase();
const displayNameSchema = z.string().trim().min(1, "A name is required").max(100, "At most 100 characters");
/** A new person's name and email, the same rules for the first admin and for anyone an admin invites. */
const newPerson = { name: displayNameSchema, email: emailSchema };

/** Who the request is: a person (session cookie) or a tool (bearer token). */
export const principalSchema = z
  .object({
    kind: z.enum(["user", "token"]),
    userId: z.string().describe("The person, or the token's owner"),
    name: z.string().describe("The person's name, or the token's name"),
    email: z.string().nullable().describe("The person's email; null for a token"),
    role: roleSchema,
    tokenId: z.string().nullable(),
  })
  .meta({ id: "Principal" });
export type Principal = z.infer<typeof principalSchema>;

/** GET /api/me answers the principal (principalSchema), or 401. */

/** GET /api/setup: whether the first admin still has to be created (public). */
export const setupStateSchema = z.object({ needsAdmin: z.boolean() }).meta({ id: "SetupState" });
/** POST /api/setup: create the first admin (only while no user exists; 409 after). */
export const setupBodySchema = requestBody("SetupBody", { ...newPerson, password: passwordSchema });
export type SetupBody = z.infer<typeof setupBodySchema>;

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    disabled: z.boolean().describe("A disabled person cannot sign in; their sessions and tokens stop working at once"),
    createdAt: timestampSchema,
    lastSeenAt: timestampSchema.nullable().describe("Latest session activity, if any"),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;
/** People oldest first: (createdAt, id) ascending. */
export const userKeyset: Keyset = { sort: "createdAt:asc", filters: {}, kinds: ["timestamp", "text"] };
export const userListSchema = listOf(userSchema).meta({ id: "UserList" });

/** POST /api/users (admin): invite by creating a person with a temporary password. */
export const userCreateSchema = requestBody("UserCreate", {
  ...newPerson,
  role: roleSchema,
  password: passwordSchema.describe("A temporary password"),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

/** PATCH /api/users/{userId} (admin): change role, disable/enable, or set a new password. */
export const userPatchSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional().describe("A new password (admin reset; there is no email)"),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.password !== undefined, "Nothing to change")
  .meta({ id: "UserPatch" });
export type UserPatch = z.infer<typeof userPatchSchema>;
/** better-auth's ids are URL-safe random strings; anything else names nothing (404, never a NUL sent to the database). */
const authIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const userIdParamsSchema = z.object({ userId: authIdSchema });

/** What every answer about a token says of it, listed or just created. */
const tokenNamed = { id: z.string(), name: z.string(), role: roleSchema };
const tokenDates = { createdAt: timestampSchema, expiresAt: timestampSchema.nullable() };

const tokenSchema = z
  .object({
    ...tokenNamed,
    start: z.string().nullable().describe("The token's first characters, to recognise it"),
    ownerId: z.string(),
    ownerName: z.string().nullable(),
    ...tokenDates,
    lastUsedAt: timestampSchema.nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof tokenSchema>;
/** Tokens newest first, then by id; whose tokens they are (an admin sees everyone's) is the filter. */
export const tokenKeyset = (p: Pick<Principal, "role" | "userId">): Keyset => ({
  sort: "createdAt:desc",
  filters: { owner: p.role === "admin" ? "*" : p.userId },
  kinds: ["timestamp", "text"],
});
export const tokenListSchema = listOf(tokenSchema).meta({ id: "ApiTokenList" });

/** POST /api/tokens: role at most the creator's; expiresAt in the future. */
export const tokenCreateSchema = requestBody("ApiTokenCreate", {
  name: z.string().trim().min(1, "A name is required").max(100, "At most 100 characters"),
  role: roleSchema,
  expiresAt: timestampSchema.nullable().optional().describe("Its last moment; null or left out: it does not expire"),
});
export type ApiTokenCreate = z.infer<typeof tokenCreateSchema>;
/** 201: the secret `token` appears here once and is stored only hashed. */
export const tokenCreatedSchema = z
  .object({ ...tokenNamed, token: z.string().describe("Send as Authorization: Bearer <token>; shown only now"), ...tokenDates })
  .meta({ id: "ApiTokenCreated" });
export type ApiTokenCreated = z.infer<typeof tokenCreatedSchema>;
export const tokenIdParamsSchema = z.object({ tokenId: authIdSchema });
