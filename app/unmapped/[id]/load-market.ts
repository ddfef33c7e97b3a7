// The market both its pages (detail and map editor) render, read once per request (React cache)
// for the metadata and the page alike.
import { cache } from "react";
import { idParamSchema } from "@/lib/contract/common";
import { getRuntime } from "@/server/runtime";
import { loadOr404 } from "@/app/_lib/load-or-404";

const load = cache((id: number) => getRuntime().triage.get(id));

export async function marketOr404(rawId: string) {
  const { id, data } = await loadOr404(idParamSchema, rawId, load);
  return { id, market: data };
}
