// People for API tests: made by the test admin through POST /api/users, signed in like a person,
// and given an API token of their role, so each test calls the API as that person's tool would.
import type { Role } from "@/lib/contract/auth";
import { apiClient } from "./api";
import { createToken, signIn } from "./auth";

export interface TestPerson {
  id: string;
  name: string;
  role: Role;
  /** fetch as this person's API token (acts for them), with `json` as the body. */
  api: ReturnType<typeof apiClient>;
}

/** A new person of `role` with a token of the same role; `adminToken` is the test admin's. */
export async function createPerson(baseUrl: string, adminToken: string, name: string, role: Role): Promise<TestPerson> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;
  const creds = { name, email: `${slug}@example.test`, role, password: `${slug}-password` };
  const admin = apiClient(
    () => baseUrl,
    () => adminToken,
  );
  const res = await admin("/api/users", { method: "POST", json: creds });
  if (res.status !== 201) throw new Error(`creating ${name} failed: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const { token } = await createToken(baseUrl, role, await signIn(baseUrl, creds), `${name}'s token`);
  return {
    id,
    name,
    role,
    api: apiClient(
      () => baseUrl,
      () => token,
    ),
  };
}

/** The cast of the collaboration tests: two triagers (Tara, Tom) and a viewer (Vic). */
export async function createTeam(baseUrl: string, adminToken: string): Promise<[TestPerson, TestPerson, TestPerson]> {
  return Promise.all([
    createPerson(baseUrl, adminToken, "Tara Triager", "triager"),
    createPerson(baseUrl, adminToken, "Tom Triager", "triager"),
    createPerson(baseUrl, adminToken, "Vic Viewer", "viewer"),
  ]);
}
