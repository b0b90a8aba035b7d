import type {
  ActivityEntryRow,
  ActivityRow,
  ActivitySchemaVersionRow,
} from "@/db/schema";
import type {
  ActivityDto,
  ActivityStatusDto,
  ActivitySummaryDto,
  EntryDto,
  ProcessingStatus,
  SchemaVersionDto,
} from "@/lib/activities/types";
import type { RenderType } from "@/lib/render/types";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toActivityDto(row: ActivityRow): ActivityDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    schema: row.activitySchema,
    schemaVersion: row.schemaVersion,
    schemaHash: row.schemaHash,
    status: row.processingStatus,
    render: row.schemaRender,
    renderSource: row.renderSource,
    renderPinned: row.renderPinned,
    processingError: row.processingError,
    attempts: row.processingAttempts,
    runId: row.runId,
    processedAt: iso(row.processedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSummaryDto(row: ActivityRow): ActivitySummaryDto {
  return {
    id: row.id,
    name: row.name,
    status: row.processingStatus,
    renderType: row.schemaRender?.renderType ?? null,
    schemaVersion: row.schemaVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toStatusDto(row: {
  id: string;
  status: ProcessingStatus;
  schemaVersion: number;
  attempts: number;
  error: string | null;
  runId: string | null;
  renderType: string | null;
  processedAt: Date | null;
  updatedAt: Date;
}): ActivityStatusDto {
  return {
    ...row,
    renderType: row.renderType as RenderType | null,
    processedAt: iso(row.processedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toEntryDto(row: ActivityEntryRow): EntryDto {
  return {
    id: row.id,
    activityId: row.activityId,
    data: row.data,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toVersionDto(
  row: Pick<
    ActivitySchemaVersionRow,
    "version" | "schemaHash" | "renderSource" | "createdAt"
  > & {
    schema: unknown;
    render: ActivitySchemaVersionRow["schemaRender"];
  },
): SchemaVersionDto {
  return {
    version: row.version,
    schema: row.schema,
    schemaHash: row.schemaHash,
    render: row.render,
    renderSource: row.renderSource,
    createdAt: row.createdAt.toISOString(),
  };
}
