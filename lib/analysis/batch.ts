import "server-only";
import type { Db } from "@/db/client";
import { listActivities, markPending } from "@/db/queries/activities";
import { countByStatus } from "@/db/queries/analysis-stats";
import type { ActivityRow } from "@/db/schema";
import { SETTLED_STATUSES } from "@/lib/activities/types";
import type { Dispatcher } from "@/lib/analysis/dispatcher";
import { currentDispatcher, requestAnalysis } from "@/lib/analysis/request";

export interface ReanalyzeOptions {
  /** True after a model or prompt change: the cache would answer otherwise. */
  bypassCache: boolean;
  dispatcher?: Dispatcher;
  /** Requests in flight at once while handing the batch over. */
  parallel?: number;
}

export interface ReanalyzeResult {
  /** Pass to batchProgress; every request of the batch is at or after it. */
  since: string;
  total: number;
  requested: number;
  /** The runner could not be reached for these; the sweep retries them. */
  notQueued: number;
}

/** Up to this many activities per owner go into one batch. */
const BATCH_LIMIT = 5_000;

/**
 * "Re-analyse all my activities" as one request: every activity of the
 * owner goes through the ordinary analysis (same function, same
 * concurrency, throttle and retries); only the hand-over happens here.
 */
export async function reanalyzeAll(
  db: Db,
  userId: string,
  options: ReanalyzeOptions,
): Promise<ReanalyzeResult> {
  const since = new Date();
  const listed = await listActivities(db, { userId, limit: BATCH_LIMIT });
  // Every request is recorded before any is handed over: if the process
  // stops part-way, the rest are PENDING and the sweep requests them.
  const rows = await markPending(db, {
    userId,
    ids: listed.map((row) => row.id),
    requestedAt: since,
  });
  const dispatcher = options.dispatcher ?? currentDispatcher();
  const request = (row: ActivityRow) =>
    requestAnalysis(db, row, {
      reason: "reanalyze-all",
      bypassCache: options.bypassCache,
      dispatcher,
    });

  const results = await mapLimited(rows, options.parallel ?? 8, request);
  const requested = results.filter((r) => r.requestId !== null);
  return {
    since: since.toISOString(),
    total: listed.length,
    requested: requested.length,
    notQueued: listed.length - requested.length,
  };
}

export interface BatchProgress {
  total: number;
  settled: number;
  failed: number;
  done: boolean;
}

/** How many of the owner's activities requested since `since` settled. */
export async function batchProgress(
  db: Db,
  userId: string,
  since: Date,
): Promise<BatchProgress> {
  const counts = await countByStatus(db, { userId, requestedSince: since });
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const settled = SETTLED_STATUSES.reduce(
    (sum, status) => sum + (counts[status] ?? 0),
    0,
  );
  return {
    total,
    settled,
    failed: counts.FAILED ?? 0,
    done: settled === total,
  };
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
