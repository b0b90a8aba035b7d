import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";

/**
 * The secret that signs session cookies. Production must set
 * BETTER_AUTH_SECRET (the environment check insists); on a developer's
 * machine one is made once and kept beside the embedded database, so
 * sessions survive restarts without any set-up.
 */
export function authSecret(config: Env): string {
  if (config.BETTER_AUTH_SECRET) return config.BETTER_AUTH_SECRET;

  const file = path.join(path.dirname(config.PGLITE_DIR), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();

  const secret = randomBytes(32).toString("hex");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
