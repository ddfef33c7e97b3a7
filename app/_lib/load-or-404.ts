// What a detail page (server component) needs before it renders: the resource its URL names. A
// malformed id, or one nothing has, is Next's 404 page; any other failure renders the page without
// data, and the browser fetches, shows the error and retries.
import { notFound } from "next/navigation";
import type { z } from "zod";
import { isHttpError } from "@/server/http/errors";

export async function loadOr404<Id, T>(
  idSchema: z.ZodType<Id>,
  raw: string,
  load: (id: Id) => Promise<T>,
): Promise<{ id: Id; data: T | undefined }> {
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  try {
    return { id: id.data, data: await load(id.data) };
  } catch (e) {
    if (isHttpError(e) && e.status === 404) notFound();
    return { id: id.data, data: undefined };
  }
}
