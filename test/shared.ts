import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "vitest";

/**
 * The shared real-world schemas sit beside the project (../shared/schemas).
 * A user's own clone has none, so suites that read them skip with a reason.
 */
export const SHARED_DIR = resolve(import.meta.dirname, "../../shared/schemas");
export const hasShared = existsSync(SHARED_DIR);
export const SKIP_REASON = `skipped: shared schemas not found at ${SHARED_DIR}`;

/**
 * A suite over the shared schemas. Vitest runs a skipped suite's body to
 * collect its tests, so the body must not run at all when the files are
 * missing: then a single skipped test carries the reason instead.
 */
export function describeShared(title: string, body: () => void): void {
  if (hasShared) {
    describe(title, body);
    return;
  }
  describe.skip(title, () => {
    it.skip(SKIP_REASON, () => undefined);
  });
}

export function sharedPath(file: string): string {
  return join(SHARED_DIR, file);
}
