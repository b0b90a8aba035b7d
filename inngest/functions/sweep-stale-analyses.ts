import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { getDispatcher } from "@/lib/analysis/dispatchers";
import { sweepStale } from "@/lib/analysis/sweep";

/**
 * Every five minutes, requests again the analyses that went quiet (a lost
 * event, a runner that could not be reached, a crashed worker).
 */
export const sweepStaleAnalyses = inngest.createFunction(
  {
    id: "sweep-stale-analyses",
    name: "Re-request stale analyses",
    triggers: [{ cron: "*/5 * * * *" }],
    // Two sweeps at once would request the same rows twice.
    concurrency: [{ limit: 1 }],
  },
  async ({ step }) => {
    const db = await getDb();
    return step.run("request-stale-again", () =>
      sweepStale(db, { dispatcher: getDispatcher() }),
    );
  },
);
