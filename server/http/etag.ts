import { badRequest } from "./errors";

export const etagOf = (version: number) => `"${version}"`;

/** The version an If-Match header asks for; undefined when absent or `*` (no precondition). */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
  if (!m)
    throw badRequest('If-Match must be the ETag of the market, e.g. "3"', [{ field: "header.If-Match", message: "not a version ETag" }]);
  return Number(m[1]);
}
