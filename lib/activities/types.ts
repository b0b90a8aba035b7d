import type { SchemaRender } from "@/lib/render/types";

export const PROCESSING_STATUSES = [
  "NOT_PROCESSED",
  "PENDING",
  "PROCESSING",
  "COMPLETED",
  "FAILED",
  "SKIPPED",
] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

export const SETTLED_STATUSES: readonly ProcessingStatus[] = [
  "COMPLETED",
  "FAILED",
  "SKIPPED",
];

export function isSettled(status: ProcessingStatus): boolean {
  return SETTLED_STATUSES.includes(status);
}

/** An activity as the API and the pages see it (dates as ISO strings). */
export interface ActivityDto {
  id: string;
  name: string;
  description: string | null;
  schema: unknown;
  schemaVersion: number;
  schemaHash: string;
  status: ProcessingStatus;
  render: SchemaRender | null;
  renderSource: string | null;
  renderPinned: boolean;
  processingError: string | null;
  attempts: number;
  runId: string | null;
  processedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One row of the activities list. */
export interface ActivitySummaryDto {
  id: string;
  name: string;
  status: ProcessingStatus;
  renderType: SchemaRender["renderType"] | null;
  schemaVersion: number;
  updatedAt: string;
}

/** What the status endpoint answers; small enough to poll. */
export interface ActivityStatusDto {
  id: string;
  status: ProcessingStatus;
  schemaVersion: number;
  attempts: number;
  error: string | null;
  runId: string | null;
  renderType: SchemaRender["renderType"] | null;
  processedAt: string | null;
  updatedAt: string;
}

export interface EntryDto {
  id: string;
  activityId: string;
  data: unknown;
  occurredAt: string;
  createdAt: string;
}

export interface SchemaVersionDto {
  version: number;
  schema: unknown;
  schemaHash: string;
  render: SchemaRender | null;
  renderSource: string | null;
  createdAt: string;
}

/** The one error shape every route handler answers with. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details: unknown;
  };
}

/**
 * What a server action answers: its value, or the error in the API's
 * shape (code, message, details with field errors). Actions never throw
 * at the form.
 */
export type ActionResult<T> =
  { ok: true; value: T } | { ok: false; error: ApiErrorBody["error"] };
