import { unmappedExportQuerySchema } from "@/lib/contract/unmapped-export";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Every market the list's filters match, in its sort, streamed as CSV (server/discovery/csv-export.ts). */
export const GET = route({ access: "viewer", query: unmappedExportQuerySchema }, async ({ query, principal }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await getRuntime().triage.exportCsv(query, { userId: principal.userId }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="unmapped-markets-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
