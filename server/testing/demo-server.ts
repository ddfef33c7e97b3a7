// A test server on a small demo feed (4 events, no new markets per run), scraped once before a
// file's tests and closed after them: where the mapping API tests start from.
import { afterAll, beforeAll } from "vitest";
import { scrapeRunSchema, type ScrapeRun } from "@/lib/contract/scrape";
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
  return { api, scrape };
}
