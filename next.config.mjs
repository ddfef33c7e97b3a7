import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Pages get their whole policy, with a script nonce, from proxy.ts; this covers everything else.
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build folder lets two builds (e.g. parallel e2e work) coexist; the server reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  turbopack: { root },
  // Server code reached from route handlers only through type imports; keep database drivers out
  // of Next's bundles should one ever be imported by mistake.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "socket.io"],
  // Every page: no framing (clickjacking), no MIME sniffing, no full URL in Referer to other sites.
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
