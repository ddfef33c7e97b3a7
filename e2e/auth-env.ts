// The identities of the end-to-end run, in one place: the playwright config hands them to the
// servers it starts, the setup project signs in with them, specs use them.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** A second server with no ADMIN_* settings, so nobody exists there: the first-run page. */
export const FIRST_RUN_PORT = E2E_PORT + 1;
export const FIRST_RUN_URL = `http://127.0.0.1:${FIRST_RUN_PORT}`;

export const ADMIN_EMAIL = "admin@e2e.test";
export const ADMIN_PASSWORD = "e2e admin password";
export const BETTER_AUTH_SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

/** The admin's signed-in browser state (session cookie), used by every spec's pages. */
export const ADMIN_STATE = path.join(import.meta.dirname, "..", "test-results", ".auth", "admin.json");
/** An admin API token: how the specs arrange data through the API, as a tool would. */
export const ADMIN_TOKEN_FILE = path.join(import.meta.dirname, "..", "test-results", ".auth", "admin-token.txt");

/** A browser state with nobody signed in. */
export const SIGNED_OUT = { cookies: [], origins: [] };
