import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities } from "@/db/schema";
import type { ProcessingStatus } from "@/lib/activities/types";

/**
 * Read-only counts for the analysis queue: the health report and the
 * progress of a "re-analyse all" batch. Added by the workflow issue.
 */

export async function countByStatus(
  db: Db,
  filter: { userId?: string; requestedSince?: Date } = {},
): Promise<Partial<Record<ProcessingStatus, number>>> {
  const conditions = [
    filter.userId ? eq(activities.userId, filter.userId) : undefined,
    filter.requestedSince
      ? gte(activities.requestedAt, filter.requestedSince)
      : undefined,
  ];
  const rows = await db
    .select({
      status: activities.processingStatus,
      count: sql<number>`count(*)::int`,
    })
    .from(activities)
    .where(and(...conditions))
    .groupBy(activities.processingStatus);
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** Seconds since the oldest unsettled activity last changed. */
export async function oldestUnsettledAge(
  db: Db,
  now: Date,
): Promise<number | null> {
  const [row] = await db
    .select({ oldest: sql<string | null>`min(${activities.updatedAt})` })
    .from(activities)
    .where(
      sql`${activities.processingStatus} in ('NOT_PROCESSED', 'PENDING', 'PROCESSING')`,
    );
  if (!row?.oldest) return null;
  const oldest = new Date(row.oldest).getTime();
  return Math.max(0, Math.round((now.getTime() - oldest) / 1000));
}

/** Analyses completed since `since`, and their median time from request. */
export async function completedSince(
  db: Db,
  since: Date,
): Promise<{ count: number; medianSeconds: number | null }> {
  const duration = sql`extract(epoch from (${activities.processedAt} - ${activities.requestedAt}))`;
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      median: sql<
        string | null
      >`percentile_cont(0.5) within group (order by ${duration})`,
    })
    .from(activities)
    .where(
      and(
        eq(activities.processingStatus, "COMPLETED"),
        gte(activities.processedAt, since),
      ),
    );
  const median = row?.median == null ? null : Number(row.median);
  return { count: row?.count ?? 0, medianSeconds: median };
}
