// `npm start`: build when there is no build or it is stale, then run the production server.
import { ensureBuild } from "./lib/build";

(process.env as Record<string, string>).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
ensureBuild();
await import("../server/main");
