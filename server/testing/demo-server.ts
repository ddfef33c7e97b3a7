// A test server on a small demo feed (4 events, no new markets per run), scraped once before a
// file's tests and closed after them: where the mapping API tests start from.
import { afterAll, beforeAll, expect } from "vitest";
import { scrapeRunSchema, type ScrapeRun } from "@/lib/contract/scrape";
import { unmappedDetailSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { serverApi } from "./api";
import { okBody } from "./answers";
import { available, type DbKind } from "./databases";
import { startTestServer, type TestServer } from "./server";

export function scrapedDemoServer(kind: DbKind) {
  let server: TestServer | undefined;
  const api = serverApi(() => server!);
  const scrape = async (): Promise<ScrapeRun> =>
    scrapeRunSchema.parse(await okBody(await api("/api/scrape?wait=true", { method: "POST" })));
  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { demo: { events: 4, newPerCycle: 0 } });
    await scrape();
  });
  afterAll(async () => server?.close());
  /** The one market of a platform whose name or id matches `q`. */
  const market = async (source: string, q: string) => {
    const { items } = unmappedListSchema.parse(
      await okBody(await api(`/api/unmapped?${new URLSearchParams({ source, q, pageSize: "5" })}`)),
    );
    expect(items).toHaveLength(1);
    return items[0];
  };
  const detail = async (id: number) => unmappedDetailSchema.parse(await okBody(await api(`/api/unmapped/${id}`)));
  return { api, scrape, market, detail };
}
