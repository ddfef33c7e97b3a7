// `npm start`: build when there is no build or it is stale, then run the production server.
import { ensureBuild } from "./lib/build";

// npm is our parent now; the server watches it (see server/main.ts), so record it before the build.
globalThis.__marketTriageLauncherPid ??= process.env.npm_lifecycle_event ? process.ppid : undefined;

(process.env as Record<string, string>).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
ensureBuild();
await import("../server/main");
