import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import type { AnalysisMeta } from "@/lib/analysis/analyzer";
import { PROCESSING_STATUSES } from "@/lib/activities/types";
import type { SchemaRender } from "@/lib/render/types";

export const processingStatus = pgEnum(
  "processing_status",
  PROCESSING_STATUSES,
);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true })
    .notNull()
    .defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow(),
};

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").notNull(),
    name: varchar("name", { length: 120 }).notNull(),
    description: text("description"),
    activitySchema: jsonb("activity_schema").notNull(),
    /**
     * The schema as JSON text in the order it was written: jsonb keeps
     * keys in an order of its own, and property order is the order a
     * form shows its fields. Null on rows saved before it existed.
     */
    activitySchemaText: text("activity_schema_text"),
    schemaVersion: integer("schema_version").notNull().default(1),
    schemaHash: varchar("schema_hash", { length: 64 }).notNull(),
    processingStatus: processingStatus("processing_status")
      .notNull()
      .default("NOT_PROCESSED"),
    schemaRender: jsonb("schema_render").$type<SchemaRender>(),
    renderSource: text("render_source"),
    renderMeta: jsonb("render_meta").$type<AnalysisMeta>(),
    /** The schema hash the current render was made for. */
    renderedHash: varchar("rendered_hash", { length: 64 }),
    renderPinned: boolean("render_pinned").notNull().default(false),
    processingError: text("processing_error"),
    processingAttempts: integer("processing_attempts").notNull().default(0),
    runId: text("run_id"),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index("activities_user_created_idx").on(table.userId, table.createdAt),
    // The sweep and the health check ask for unsettled work, oldest first;
    // a partial index keeps that cheap however many settled rows pile up.
    index("activities_unsettled_idx")
      .on(table.updatedAt)
      .where(
        sql`${table.processingStatus} in ('NOT_PROCESSED', 'PENDING', 'PROCESSING')`,
      ),
    check(
      "activities_name_length",
      sql`char_length(${table.name}) between 1 and 120`,
    ),
    check(
      "activities_description_length",
      sql`${table.description} is null or char_length(${table.description}) <= 2000`,
    ),
    check(
      "activities_schema_version_positive",
      sql`${table.schemaVersion} >= 1`,
    ),
  ],
);

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;

export const activitySchemaVersions = pgTable(
  "activity_schema_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    activitySchema: jsonb("activity_schema").notNull(),
    /** As on activities: the schema's text, in its own key order. */
    activitySchemaText: text("activity_schema_text"),
    schemaHash: varchar("schema_hash", { length: 64 }).notNull(),
    schemaRender: jsonb("schema_render").$type<SchemaRender>(),
    renderSource: text("render_source"),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    unique("activity_schema_versions_activity_version_key").on(
      table.activityId,
      table.version,
    ),
  ],
);

export type ActivitySchemaVersionRow =
  typeof activitySchemaVersions.$inferSelect;

export const activityEntries = pgTable(
  "activity_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    data: jsonb("data").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    index("activity_entries_activity_occurred_idx").on(
      table.activityId,
      table.occurredAt,
    ),
  ],
);

export type ActivityEntryRow = typeof activityEntries.$inferSelect;

export const renderCache = pgTable(
  "render_cache",
  {
    schemaHash: varchar("schema_hash", { length: 64 }).notNull(),
    analyzer: text("analyzer").notNull(),
    render: jsonb("render").$type<SchemaRender>().notNull(),
    meta: jsonb("meta").$type<AnalysisMeta>(),
    hitCount: integer("hit_count").notNull().default(0),
    createdAt: timestamps.createdAt,
    lastHitAt: timestamp("last_hit_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.schemaHash, table.analyzer] })],
);

export type RenderCacheRow = typeof renderCache.$inferSelect;
export * from "@/db/auth-schema";
