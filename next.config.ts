import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules
  // at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty"],
  poweredByHeader: false,
  // The build checks the app's own code; tests, e2e and benchmarks are
  // checked by `npm run typecheck`, so a test's type error never blocks it.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  typedRoutes: false,
  // `next dev` would otherwise write AGENTS.md (agent rules and upgrade
  // notes) into the project on every start; there is no env switch.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
