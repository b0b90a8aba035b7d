import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type ActivityRow,
  activities,
  activitySchemaVersions,
  type NewActivityRow,
} from "@/db/schema";
import { sourcesOf } from "@/lib/activities/status";
import type { ProcessingStatus } from "@/lib/activities/types";

export interface Owned {
  id: string;
  userId: string;
}

const ownedBy = ({ id, userId }: Owned) =>
  and(eq(activities.id, id), eq(activities.userId, userId));

/** The schema's text beside its jsonb, whenever a write sets the schema. */
function withSchemaText<T extends { activitySchema?: unknown }>(values: T): T {
  if (values.activitySchema === undefined) return values;
  return {
    ...values,
    activitySchemaText: JSON.stringify(values.activitySchema),
  };
}

/**
 * The schema in the order it was written: from its text copy, since jsonb
 * reorders keys by their length; rows older than the copy have only jsonb.
 */
function asWritten(schema: unknown, text: string | null): unknown {
  return text === null ? schema : (JSON.parse(text) as unknown);
}

function inWrittenOrder<
  T extends { activitySchema: unknown; activitySchemaText: string | null },
>(row: T): T {
  return {
    ...row,
    activitySchema: asWritten(row.activitySchema, row.activitySchemaText),
  };
}

function firstInOrder<
  T extends { activitySchema: unknown; activitySchemaText: string | null },
>(rows: T[]): T | null {
  const [row] = rows;
  return row ? inWrittenOrder(row) : null;
}

/** Inserts an activity and its first schema version in one transaction. */
export async function insertActivity(
  db: Db,
  values: NewActivityRow,
): Promise<ActivityRow> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(activities)
      .values(withSchemaText(values))
      .returning();
    if (!inserted) throw new Error("insert into activities returned no row");
    const row = inWrittenOrder(inserted);
    await tx.insert(activitySchemaVersions).values(
      withSchemaText({
        activityId: row.id,
        version: row.schemaVersion,
        activitySchema: row.activitySchema,
        schemaHash: row.schemaHash,
      }),
    );
    return row;
  });
}

export async function getActivity(
  db: Db,
  owned: Owned,
): Promise<ActivityRow | null> {
  return firstInOrder(await db.select().from(activities).where(ownedBy(owned)));
}

export async function listActivities(
  db: Db,
  { userId, limit = 200 }: { userId: string; limit?: number },
): Promise<ActivityRow[]> {
  const rows = await db
    .select()
    .from(activities)
    .where(eq(activities.userId, userId))
    .orderBy(desc(activities.createdAt))
    .limit(limit);
  return rows.map(inWrittenOrder);
}

/** The columns the status endpoint answers with: one indexed lookup. */
export async function getActivityStatus(db: Db, owned: Owned) {
  const [row] = await db
    .select({
      id: activities.id,
      status: activities.processingStatus,
      schemaVersion: activities.schemaVersion,
      attempts: activities.processingAttempts,
      error: activities.processingError,
      runId: activities.runId,
      renderType: sql<
        string | null
      >`${activities.schemaRender} ->> 'renderType'`,
      processedAt: activities.processedAt,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .where(ownedBy(owned));
  return row ?? null;
}

export type ActivityPatch = Partial<
  Omit<NewActivityRow, "id" | "userId" | "createdAt">
>;

/** Updates an owned activity; null when there is no such activity. */
export async function updateActivityRow(
  db: Db,
  owned: Owned,
  patch: ActivityPatch,
): Promise<ActivityRow | null> {
  const rows = await db
    .update(activities)
    .set({ ...withSchemaText(patch), updatedAt: new Date() })
    .where(ownedBy(owned))
    .returning();
  return firstInOrder(rows);
}

/**
 * Moves an activity's status, but only from a status that may legally
 * precede `to`, and only while the schema version is `schemaVersion` when
 * given. Compare-and-set in one statement: null means it did not apply.
 */
export async function moveStatus(
  db: Db,
  owned: Owned,
  to: ProcessingStatus,
  options: {
    patch?: ActivityPatch;
    schemaVersion?: number;
    /** Refuse when a designer has pinned a render: the pin wins. */
    unpinnedOnly?: boolean;
  } = {},
): Promise<ActivityRow | null> {
  const conditions = [
    ownedBy(owned),
    inArray(activities.processingStatus, sourcesOf(to)),
  ];
  if (options.schemaVersion !== undefined) {
    conditions.push(eq(activities.schemaVersion, options.schemaVersion));
  }
  if (options.unpinnedOnly) {
    conditions.push(eq(activities.renderPinned, false));
  }
  const rows = await db
    .update(activities)
    .set({
      ...withSchemaText(options.patch ?? {}),
      processingStatus: to,
      updatedAt: new Date(),
    })
    .where(and(...conditions))
    .returning();
  return firstInOrder(rows);
}

/**
 * Moves many of one owner's activities to PENDING in one statement (those
 * whose status allows it), so a batch interrupted while it hands them to
 * the runner leaves them where the sweep finds them.
 */
export async function markPending(
  db: Db,
  {
    userId,
    ids,
    requestedAt,
  }: { userId: string; ids: string[]; requestedAt: Date },
): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(activities)
    .set({
      processingStatus: "PENDING",
      processingError: null,
      requestedAt,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(activities.userId, userId),
        inArray(activities.id, ids),
        inArray(activities.processingStatus, sourcesOf("PENDING")),
      ),
    )
    .returning();
  return rows.map(inWrittenOrder);
}

export async function deleteActivityRow(
  db: Db,
  owned: Owned,
): Promise<boolean> {
  const rows = await db
    .delete(activities)
    .where(ownedBy(owned))
    .returning({ id: activities.id });
  return rows.length > 0;
}

export async function insertSchemaVersion(
  db: Db,
  row: typeof activitySchemaVersions.$inferInsert,
): Promise<void> {
  await db.insert(activitySchemaVersions).values(withSchemaText(row));
}

/** Records the render a schema version got (the version's history). */
export async function setVersionRender(
  db: Db,
  {
    activityId,
    version,
    render,
    renderSource,
  }: {
    activityId: string;
    version: number;
    render: ActivityRow["schemaRender"];
    renderSource: string | null;
  },
): Promise<void> {
  await db
    .update(activitySchemaVersions)
    .set({ schemaRender: render, renderSource })
    .where(
      and(
        eq(activitySchemaVersions.activityId, activityId),
        eq(activitySchemaVersions.version, version),
      ),
    );
}

export async function listSchemaVersions(db: Db, owned: Owned) {
  const rows = await db
    .select({
      version: activitySchemaVersions.version,
      schema: activitySchemaVersions.activitySchema,
      schemaText: activitySchemaVersions.activitySchemaText,
      schemaHash: activitySchemaVersions.schemaHash,
      render: activitySchemaVersions.schemaRender,
      renderSource: activitySchemaVersions.renderSource,
      createdAt: activitySchemaVersions.createdAt,
    })
    .from(activitySchemaVersions)
    .innerJoin(activities, eq(activities.id, activitySchemaVersions.activityId))
    .where(ownedBy(owned))
    .orderBy(desc(activitySchemaVersions.version));
  return rows.map(({ schemaText, ...row }) => ({
    ...row,
    schema: asWritten(row.schema, schemaText),
  }));
}

/**
 * Unsettled activities whose last change is older than `before`, oldest
 * first (served by the partial index on updated_at).
 */
export async function listQuietUnsettled(
  db: Db,
  { before, limit = 100 }: { before: Date; limit?: number },
): Promise<ActivityRow[]> {
  const rows = await db
    .select()
    .from(activities)
    .where(
      and(
        inArray(activities.processingStatus, [
          "NOT_PROCESSED",
          "PENDING",
          "PROCESSING",
        ]),
        lt(activities.updatedAt, before),
      ),
    )
    .orderBy(asc(activities.updatedAt))
    .limit(limit);
  return rows.map(inWrittenOrder);
}
