// The journal on a real folder: files are private and complete, chunks come back with their ids,
// and a file that cannot be read is moved aside instead of blocking every later replay.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/server/testing/databases";
import { alerts, sighting, stored } from "@/server/testing/discovery";
import { DiscoveryService } from "./discovery-service";
import { chunksOf } from "./flush";
import { Recorder } from "./recorder";
import { SpillJournal } from "./spill-journal";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "mt-journal-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("spill journal", () => {
  it("writes a private, complete file and reads the chunks back with their ids", async () => {
    const dir = path.join(tempDir(), "nested", "spill");
    const journal = new SpillJournal(dir);
    const r = new Recorder();
    for (let i = 0; i < 1_200; i++) r.record(sighting(`J${i}`, `Name \u{1f945} ${i}`), "UNKNOWN_MARKET", 1_000 + i);
    const chunks = [...chunksOf(r.take(), 500)];
    const file = await journal.write(chunks);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await journal.files()).toEqual([file]);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    const back = [];
    for await (const c of journal.read(file)) back.push(c);
    expect(back).toEqual(chunks);
    await journal.remove(file);
    expect(await journal.files()).toEqual([]);
  });

  it("moves an unreadable file aside and replays the others", async () => {
    const dir = tempDir();
    const t = await openTestDatabase("pglite");
    try {
      const journal = new SpillJournal(dir);
      const r = new Recorder();
      for (let i = 0; i < 30; i++) r.record(sighting(`Q${i}`), "UNKNOWN_MARKET");
      const good = await journal.write(chunksOf(r.take(), 10));
      const bad = path.join(dir, "spill-000000000000001-1-deadbeef.jsonl");
      fs.writeFileSync(bad, "{not json\n", { mode: 0o600 });
      const d = new DiscoveryService(t.db, alerts(), { spillDir: dir });
      const result = await d.replayJournal();
      expect(result.sightings).toBe(30);
      expect((await stored(t, "Q")).sightings).toBe(30);
      expect(fs.existsSync(good)).toBe(false);
      expect(fs.readdirSync(dir)).toEqual(["spill-000000000000001-1-deadbeef.unreadable"]);
    } finally {
      await t.drop();
    }
  });
});
