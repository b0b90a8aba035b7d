import { closeDatabase, getDatabase } from "@/db/client";
import { getInlineRunner } from "@/lib/analysis/dispatchers";
import { env, runnerMode } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * Runs once when a Next.js server starts (instrumentation.ts): checks the
 * environment, opens the database, starts the in-process runner (whose
 * start-up sweep picks up work a previous process left unsettled) and
 * closes the database cleanly on shutdown.
 */
export async function startServer(): Promise<void> {
  const config = env();
  const mode = runnerMode(config);
  await getDatabase();
  if (mode === "inline") getInlineRunner();
  logger().info(
    {
      database: config.DATABASE_URL ? "postgres" : "pglite",
      runner: mode,
      analyzer: config.OPENAI_API_KEY ? "openai" : "rules",
    },
    "server started",
  );
  closeOnSignals();
}

function closeOnSignals(): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger().info({ signal }, "closing the database before exit");
    closeDatabase().catch((error: unknown) => {
      logger().error({ err: error }, "the database did not close cleanly");
    });
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
}
