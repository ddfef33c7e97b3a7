// Request/reply over a worker thread, for work that must not hold the server's event loop: the
// embedded database (PGlite runs its statements synchronously in WebAssembly) and the demo feed
// (it builds and parses thousands of payloads a cycle). The worker runs TypeScript through tsx,
// whatever the parent was started with (tsx in production, Vitest's own loader in tests).
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, Worker, workerData } from "node:worker_threads";

interface Request {
  id: number;
  op: string;
  args: unknown;
}
type Reply = { id: number; value: unknown } | { id: number; error: SerializedError };

/** An error as it crosses the thread boundary: its own fields survive, its class does not. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined || typeof v === "function" || (typeof v === "object" && v !== null)) continue;
    fields[k] = v;
  }
  return { name: e.name, message: e.message, stack: e.stack, fields };
}

/** The default revival: a plain Error with the original's name, message and fields (e.g. `code`). */
export function reviveError(s: SerializedError): Error {
  const e = Object.assign(new Error(s.message), s.fields);
  e.name = s.name;
  return e;
}

// Node 20 does not apply `--import` loaders to a worker's entry module: a small script registers
// tsx in the worker first, then imports the TypeScript entry.
const TSX_API = pathToFileURL(
  path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"),
).href;
const bootstrap = (entry: URL) =>
  `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })` +
  `.catch((e) => { setImmediate(() => { throw e; }); });`;

export interface WorkerRpcOptions {
  /** Turns an error from the worker back into the class callers test for. */
  revive?: (e: SerializedError) => Error;
  /** Called once if the worker dies (a crash, not close()); every pending and later call fails. */
  onExit?: (e: Error) => void;
}

export class WorkerRpc {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private dead: Error | null = null;
  private closing = false;

  constructor(
    entry: URL,
    data: unknown,
    private readonly options: WorkerRpcOptions = {},
  ) {
    this.worker = new Worker(bootstrap(entry), { eval: true, workerData: data, execArgv: [] });
    // The process must be able to exit while a worker sits idle; close() ends it properly.
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => {
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if ("error" in reply) call.reject((this.options.revive ?? reviveError)(reply.error));
      else call.resolve(reply.value);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => this.fail(new Error(`worker thread exited (code ${code})`)));
  }

  private fail(e: Error) {
    if (this.dead) return;
    this.dead = Object.assign(new Error(`${this.closing ? "closed" : "worker thread failed"}: ${e.message}`), { code: "WORKER_GONE" });
    for (const call of this.pending.values()) call.reject(this.dead);
    this.pending.clear();
    if (!this.closing) this.options.onExit?.(this.dead);
  }

  call<T>(op: string, args?: unknown): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args } satisfies Request);
    });
  }

  /** Ends the worker; calls still pending fail. */
  async close(): Promise<void> {
    if (this.dead) return;
    this.closing = true;
    await this.worker.terminate();
    this.fail(new Error("worker closed"));
  }
}

type Handlers = Record<string, (args: never) => unknown>;

/**
 * The worker's side: answers each request with its handler's result or error. Requests are handled
 * as they arrive (a handler may await); ordering between them is the handlers' own business.
 */
export function serveRpc(handlers: Handlers): void {
  if (!parentPort) throw new Error("serveRpc runs only in a worker thread");
  const port = parentPort;
  port.on("message", async ({ id, op, args }: Request) => {
    try {
      const handler = handlers[op];
      if (!handler) throw new Error(`unknown operation ${op}`);
      port.postMessage({ id, value: await handler(args as never) } satisfies Reply);
    } catch (e) {
      port.postMessage({ id, error: serializeError(e) } satisfies Reply);
    }
  });
}

/** What the parent passed to the worker's constructor. */
export const rpcData = <T>(): T => workerData as T;
