import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./servers";

/** The shared corpus of real-world schemas, beside the project. */
export const SHARED_SCHEMAS = join(ROOT, "..", "shared", "schemas");

/** A schema file of the shared corpus as text, or null when absent. */
export function sharedSchemaText(relative: string): string | null {
  const path = join(SHARED_SCHEMAS, relative);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}
