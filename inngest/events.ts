import { randomUUID } from "node:crypto";
import { eventType } from "inngest";
import { z } from "zod";
import type { AnalysisRequest } from "@/lib/analysis/dispatcher";

/**
 * Every event the app sends or reacts to, typed from one zod schema each.
 * Names follow `domain/noun.verb`.
 */

export const SchemaSubmittedData = z.object({
  activityId: z.string().min(1),
  /** The owner; the per-user concurrency limit is keyed by it. */
  userId: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  schemaHash: z.string().min(1),
  bypassCache: z.boolean(),
  reason: z.string(),
  /**
   * The function's idempotency key: activity, schema hash and the time the
   * request was accepted. A duplicate delivery of one request runs once; a
   * deliberate repeat (re-analyse, retry after FAILED, the sweep, a schema
   * edited back to an earlier text) has a new time and still runs.
   */
  requestKey: z.string().min(1),
});
export type SchemaSubmittedData = z.infer<typeof SchemaSubmittedData>;

export const schemaSubmitted = eventType("activity/schema.submitted", {
  schema: SchemaSubmittedData,
});

export const ActivityDeletedData = z.object({
  activityId: z.string().min(1),
  userId: z.string().min(1),
});
export type ActivityDeletedData = z.infer<typeof ActivityDeletedData>;

export const activityDeleted = eventType("activity/deleted", {
  schema: ActivityDeletedData,
});

/** The event data for an analysis request handed to Inngest. */
export function schemaSubmittedData(
  request: AnalysisRequest,
): SchemaSubmittedData {
  const nonce = request.requestedAt ?? randomUUID();
  return {
    activityId: request.activityId,
    userId: request.userId,
    schemaVersion: request.schemaVersion,
    schemaHash: request.schemaHash,
    bypassCache: request.bypassCache,
    reason: request.reason,
    requestKey: `${request.activityId}:${request.schemaHash}:${nonce}`,
  };
}
