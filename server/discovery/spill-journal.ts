// Sightings that cannot be written to the database for now (shutdown while it is down, the
// recorder's pending limit reached) go to files in SPILL_DIR instead of being dropped, and are
// replayed when the database takes writes again. One file per spill, one line per chunk:
// `{"id": <batch id>, "rows": [<PendingMarket>…]}`. A chunk keeps its batch id on disk, so a replay of
// a chunk that did commit (its reply was lost before it was spilled) is recognised by the flush and
// not applied twice, and a replay cut off half-way can simply run again.
//
// A file is written under a temporary name (mode 0600: scraped data is nobody else's business),
// fsynced, renamed, and the folder fsynced, so a file with the final name is always complete.
// Writing is asynchronous, one chunk at a time, so a 200,000-market spill never holds the event
// loop for more than one chunk's JSON.stringify.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { FlushChunk } from "./flush";

const SUFFIX = ".jsonl";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class SpillJournal {
  private dirReady: Promise<string> | null = null;

  /** @param dir where spill files live; null: a private temporary folder made on first use (memory:// databases). */
  constructor(private readonly dir: string | null) {}

  private folder(): Promise<string> {
    this.dirReady ??= (async () => {
      if (this.dir === null) return fs.promises.mkdtemp(path.join(os.tmpdir(), "market-triage-spill-"));
      await fs.promises.mkdir(this.dir, { recursive: true, mode: 0o700 });
      return this.dir;
    })();
    return this.dirReady;
  }

  /** Writes chunks to one new file; resolves with its path once it is durable. */
  async write(chunks: Iterable<FlushChunk>): Promise<string> {
    const dir = await this.folder();
    // Names sort in spill order, so replays go oldest first.
    const name = `spill-${Date.now().toString().padStart(15, "0")}-${process.pid}-${randomBytes(4).toString("hex")}`;
    const temp = path.join(dir, `.${name}.tmp`);
    const final = path.join(dir, name + SUFFIX);
    const file = await fs.promises.open(temp, "wx", 0o600);
    try {
      for (const chunk of chunks) await file.write(JSON.stringify(chunk) + "\n");
      await file.sync();
    } catch (e) {
      await file.close().catch(() => undefined);
      await fs.promises.rm(temp, { force: true });
      throw e;
    }
    await file.close();
    await fs.promises.rename(temp, final);
    await syncFolder(dir);
    return final;
  }

  /** Complete spill files, oldest first (a file still being written has a temporary name). */
  async files(): Promise<string[]> {
    if (this.dir === null && this.dirReady === null) return [];
    const dir = await this.folder();
    let names: string[];
    try {
      names = await fs.promises.readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    return names
      .filter((n) => n.startsWith("spill-") && n.endsWith(SUFFIX))
      .sort()
      .map((n) => path.join(dir, n));
  }

  /** The chunks of one file, one line at a time (a big file is never read into memory whole). */
  async *read(file: string): AsyncGenerator<FlushChunk> {
    const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === "") continue;
      const chunk = JSON.parse(line) as FlushChunk;
      if (typeof chunk?.id !== "string" || !UUID.test(chunk.id) || !Array.isArray(chunk.rows)) {
        throw new Error(`${file}:${n}: not a spilled chunk`);
      }
      yield chunk;
    }
  }

  async remove(file: string): Promise<void> {
    await fs.promises.rm(file, { force: true });
    await syncFolder(path.dirname(file));
  }

  /** Moves a file that cannot be read aside, so it neither blocks the replay nor gets lost. */
  async quarantine(file: string): Promise<string> {
    const aside = file.replace(/\.jsonl$/, ".unreadable");
    await fs.promises.rename(file, aside);
    return aside;
  }
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
