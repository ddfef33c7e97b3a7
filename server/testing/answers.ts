// Reading an API answer in a vitest test: the JSON of a success with its status checked (the body
// is in the failure message), or the problem+json of a refusal with its status and content type.
import { expect } from "vitest";
import { problemSchema } from "@/lib/contract/common";

/** The body of a response that must have `status` (200 unless given). */
export async function okBody(res: Response, status = 200) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

/** The problem+json of a response that must be refused with `status`. */
export async function problemBody(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return problemSchema.parse(await res.json());
}

/** The fields a 400 (or `status`) names in its errors[]. */
export const problemFields = async (res: Response, status = 400) => (await problemBody(res, status)).errors?.map((e) => e.field) ?? [];
