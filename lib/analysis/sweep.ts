import "server-only";
import type { Db } from "@/db/client";
import { listQuietUnsettled } from "@/db/queries/activities";
import type { ActivityRow } from "@/db/schema";
import { IllegalTransitionError } from "@/lib/activities/status";
import type { Dispatcher } from "@/lib/analysis/dispatcher";
import { requestAnalysis } from "@/lib/analysis/request";
import { env } from "@/lib/env";
import { type Logger, logger } from "@/lib/log";

export interface SweepOptions {
  dispatcher: Dispatcher;
  staleMinutes?: number;
  now?: Date;
  limit?: number;
  /** Work this process is running right now; it is not stranded. */
  isActive?: (activityId: string) => boolean;
  log?: Logger;
}

export interface SweepResult {
  found: number;
  requested: string[];
}

/** A quiet unsettled row is stranded unless it was never asked for. */
function stranded(row: ActivityRow): boolean {
  if (row.processingStatus !== "NOT_PROCESSED") return true;
  // NOT_PROCESSED with an error means the runner could not be reached.
  return row.processingError !== null;
}

/**
 * Requests again every activity left NOT_PROCESSED by a dispatch error,
 * or PENDING or PROCESSING, with no change for ANALYSIS_STALE_MINUTES: a
 * crash or a lost event strands nothing. Both runners call it.
 */
export async function sweepStale(
  db: Db,
  options: SweepOptions,
): Promise<SweepResult> {
  const minutes = options.staleMinutes ?? env().ANALYSIS_STALE_MINUTES;
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - minutes * 60_000);
  const rows = await listQuietUnsettled(db, {
    before,
    limit: options.limit ?? 100,
  });
  const log = options.log ?? logger().child({ component: "sweep" });

  const requested: string[] = [];
  for (const row of rows.filter(stranded)) {
    if (options.isActive?.(row.id)) continue;
    const done = await requestAgain(db, row, options.dispatcher, log);
    if (done) requested.push(row.id);
  }
  if (requested.length > 0) {
    log.warn({ count: requested.length }, "stale analyses requested again");
  }
  return { found: rows.length, requested };
}

async function requestAgain(
  db: Db,
  row: ActivityRow,
  dispatcher: Dispatcher,
  log: Logger,
): Promise<boolean> {
  try {
    await requestAnalysis(db, row, { reason: "sweep", dispatcher });
    return true;
  } catch (error) {
    // It settled between the listing and the request: nothing to do.
    if (error instanceof IllegalTransitionError) return false;
    log.error({ activityId: row.id, err: error }, "sweep request failed");
    return false;
  }
}
