// The example program of the README's typed client (examples/api-client/list-new-markets.ts, type-
// checked by `npm run lint` against the types openapi-typescript generates from the document) run as
// a tool runs it, in its own process against a real server: it lists the NEW markets by priority and
// acknowledges the first with If-Match.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unmappedDetailSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { okBody } from "@/server/testing/answers";
import { startTestServer, type TestServer } from "@/server/testing/server";

const run = promisify(execFile);

describe("the example API client", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("pglite", { demo: { events: 4, newPerCycle: 0 } });
    await okBody(await server.fetch("/api/scrape?wait=true", { method: "POST" }));
  });
  afterAll(async () => server?.close());

  it("lists NEW markets most urgent first and acknowledges the first with If-Match", async () => {
    const [top] = unmappedListSchema.parse(
      await okBody(await server.fetch("/api/unmapped?status=NEW&sort=priority&order=desc&pageSize=1")),
    ).items;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "examples/api-client/list-new-markets.ts"], {
      env: { ...process.env, MARKET_TRIAGE_URL: server.url, MARKET_TRIAGE_TOKEN: server.token },
    });
    expect(stdout).toContain(`#${top.id} ${top.source} ${top.externalMarketId}`);
    expect(stdout).toMatch(new RegExp(`#${top.id} is ACKNOWLEDGED at version \\d+ \\(undo: POST /api/changes/[0-9a-f-]{36}/undo\\)`));
    const after = unmappedDetailSchema.parse(await okBody(await server.fetch(`/api/unmapped/${top.id}`)));
    expect(after.status).toBe("ACKNOWLEDGED");
  });
});
