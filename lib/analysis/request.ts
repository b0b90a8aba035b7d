import "server-only";
import type { Db } from "@/db/client";
import { moveStatus } from "@/db/queries/activities";
import type { ActivityRow } from "@/db/schema";
import { changeStatus } from "@/lib/activities/change-status";
import { getDispatcher } from "@/lib/analysis/dispatchers";
import type { Dispatcher } from "@/lib/analysis/dispatcher";
import { logger } from "@/lib/log";

let dispatcherOverride: Dispatcher | null = null;

/** Lets a test see requests instead of running them; null restores. */
export function setDispatcherForTests(dispatcher: Dispatcher | null): void {
  dispatcherOverride = dispatcher;
}

/** The dispatcher requests go to: the configured runner's, or a test's. */
export function currentDispatcher(): Dispatcher {
  return dispatcherOverride ?? getDispatcher();
}

/** The activity as the request left it, and the runner's id for it. */
export interface RequestedAnalysis {
  activity: ActivityRow;
  /**
   * The Inngest event id or the in-process runner's id; null when the
   * runner could not take it (the activity's processing error says why).
   */
  requestId: string | null;
}

export interface RequestOptions {
  reason: string;
  bypassCache?: boolean;
  dispatcher?: Dispatcher;
}

/**
 * Asks the runner to analyse the activity's current schema. The activity
 * moves to PENDING first; if the runner cannot be reached it goes back to
 * NOT_PROCESSED with the reason, and the sweep or a retry picks it up.
 * Nothing is lost either way.
 */
export async function requestAnalysis(
  db: Db,
  activity: ActivityRow,
  options: RequestOptions,
): Promise<RequestedAnalysis> {
  const owned = { id: activity.id, userId: activity.userId };
  const pending = await changeStatus(db, owned, "PENDING", {
    processingError: null,
    requestedAt: new Date(),
  });

  const dispatcher = options.dispatcher ?? currentDispatcher();
  const log = logger().child({ activityId: activity.id });
  try {
    const { requestId } = await dispatcher.dispatch({
      activityId: pending.id,
      userId: pending.userId,
      schemaVersion: pending.schemaVersion,
      schemaHash: pending.schemaHash,
      bypassCache: options.bypassCache ?? false,
      reason: options.reason,
      requestedAt: pending.requestedAt?.toISOString(),
    });
    log.info(
      { requestId, runner: dispatcher.mode, reason: options.reason },
      "analysis requested",
    );
    return { activity: pending, requestId };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn({ err: error, runner: dispatcher.mode }, "runner unreachable");
    // If the row moved on meanwhile (deleted, or claimed by an earlier
    // request), there is nothing to park.
    const parked = await moveStatus(db, owned, "NOT_PROCESSED", {
      patch: {
        processingError: `The analysis could not be queued: ${reason}. It will be retried automatically.`,
      },
    });
    return { activity: parked ?? pending, requestId: null };
  }
}
