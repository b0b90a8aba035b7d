import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type ActivityEntryRow,
  activities,
  activityEntries,
} from "@/db/schema";
import type { Owned } from "@/db/queries/activities";

export async function insertEntry(
  db: Db,
  values: { activityId: string; data: unknown; occurredAt?: Date },
): Promise<ActivityEntryRow> {
  const [row] = await db.insert(activityEntries).values(values).returning();
  if (!row) throw new Error("insert into activity_entries returned no row");
  return row;
}

/** Entries of an owned activity, newest first. */
export async function listEntries(
  db: Db,
  owned: Owned,
  { limit = 10_000 }: { limit?: number } = {},
): Promise<ActivityEntryRow[]> {
  const rows = await db
    .select({ entry: activityEntries })
    .from(activityEntries)
    .innerJoin(activities, eq(activities.id, activityEntries.activityId))
    .where(
      and(eq(activities.id, owned.id), eq(activities.userId, owned.userId)),
    )
    .orderBy(desc(activityEntries.occurredAt))
    .limit(limit);
  return rows.map((row) => row.entry);
}
