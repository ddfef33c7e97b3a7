// Runs before every other project: signs in as the admin the server was started with (ADMIN_EMAIL,
// ADMIN_PASSWORD), keeps the session for the specs' pages, and creates an admin API token for
// their API arrangements.
import { test as setup, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { tokenCreatedSchema } from "../lib/contract/auth";
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_STATE, ADMIN_TOKEN_FILE, BASE_URL } from "./auth-env";

setup("sign in as the admin", async ({ request }) => {
  // A browser sends Origin with every write; the server refuses cookie writes without it.
  const headers = { origin: BASE_URL };
  const signedIn = await request.post("/api/auth/sign-in/email", { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, headers });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const me = await request.get("/api/me");
  expect(me.status(), await me.text()).toBe(200);
  expect(await me.json()).toMatchObject({ email: ADMIN_EMAIL, role: "admin" });
  await request.storageState({ path: ADMIN_STATE });

  const created = await request.post("/api/tokens", { data: { name: `e2e arrangements ${Date.now()}`, role: "admin" }, headers });
  expect(created.status(), await created.text()).toBe(201);
  fs.mkdirSync(path.dirname(ADMIN_TOKEN_FILE), { recursive: true });
  fs.writeFileSync(ADMIN_TOKEN_FILE, tokenCreatedSchema.parse(await created.json()).token, { mode: 0o600 });
});
