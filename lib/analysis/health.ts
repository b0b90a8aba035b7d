import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  completedSince,
  countByStatus,
  oldestUnsettledAge,
} from "@/db/queries/analysis-stats";
import {
  PROCESSING_STATUSES,
  type ProcessingStatus,
} from "@/lib/activities/types";
import { errorMessage } from "@/lib/analysis/retry";
import { type Env, env, runnerMode } from "@/lib/env";

export interface HealthReport {
  ok: boolean;
  database: { reachable: boolean; latencyMs: number | null; error?: string };
  runner: { mode: "inline" | "inngest"; durable: boolean; note: string };
  queue: {
    counts: Record<ProcessingStatus, number>;
    oldestUnsettledSeconds: number | null;
    completedLastHour: number;
    medianSecondsLastHour: number | null;
  } | null;
}

export function runnerHealth(config: Env = env()): HealthReport["runner"] {
  if (runnerMode(config) === "inngest") {
    const where = config.INNGEST_DEV
      ? "the Inngest Dev Server"
      : (config.INNGEST_BASE_URL ?? "Inngest Cloud");
    return {
      mode: "inngest",
      durable: true,
      note: `Analyses are queued, retried and rate limited by ${where}.`,
    };
  }
  return {
    mode: "inline",
    durable: false,
    note:
      "Analyses run inside this server process. Queued work is lost on a " +
      "restart; the sweep requests it again after ANALYSIS_STALE_MINUTES.",
  };
}

/** The database, the runner and the analysis queue, for GET /api/health. */
export async function healthReport(
  db: Db,
  { now = new Date(), config = env() }: { now?: Date; config?: Env } = {},
): Promise<HealthReport> {
  const runner = runnerHealth(config);
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
  } catch (error) {
    const database = {
      reachable: false,
      latencyMs: null,
      error: errorMessage(error),
    };
    return { ok: false, database, runner, queue: null };
  }
  const latencyMs = Math.round(performance.now() - started);

  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  const [counts, oldest, completed] = await Promise.all([
    countByStatus(db),
    oldestUnsettledAge(db, now),
    completedSince(db, hourAgo),
  ]);
  const zero = Object.fromEntries(PROCESSING_STATUSES.map((s) => [s, 0]));
  return {
    ok: true,
    database: { reachable: true, latencyMs },
    runner,
    queue: {
      counts: { ...zero, ...counts } as Record<ProcessingStatus, number>,
      oldestUnsettledSeconds: oldest,
      completedLastHour: completed.count,
      medianSecondsLastHour: completed.medianSeconds,
    },
  };
}
