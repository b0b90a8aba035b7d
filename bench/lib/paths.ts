import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The project checkout the bench measures. */
export const ROOT = resolve(import.meta.dirname, "../..");

/** Raw results and logs (git-ignored). */
export const RESULTS = join(ROOT, "bench/results");

/**
 * The bench builds and serves a private copy of the sources, so that its
 * `next build` never replaces the .next that colleagues' servers (e2e,
 * dev) are running from in the same checkout.
 */
export const SNAPSHOT = join(tmpdir(), "schema-render-bench", "app");
