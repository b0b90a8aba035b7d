import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules
  // at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty"],
  poweredByHeader: false,
  typedRoutes: false,
  // `next dev` would otherwise write AGENTS.md (agent rules and upgrade
  // notes) into the project on every start; there is no env switch.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
