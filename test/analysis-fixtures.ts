import type { Db } from "@/db/client";
import {
  getActivity,
  insertActivity,
  insertSchemaVersion,
  moveStatus,
  updateActivityRow,
} from "@/db/queries/activities";
import type { ActivityRow } from "@/db/schema";
import { schemaHash } from "@/lib/activities/hash";
import {
  AnalysisError,
  type AnalysisResult,
  type Analyzer,
} from "@/lib/analysis/analyzer";
import type { AnalysisPayload } from "@/lib/analysis/steps";
import type { SchemaRender } from "@/lib/render/types";

/** A schema with one string property named `field`. */
export function schemaWith(field: string): Record<string, unknown> {
  return {
    type: "object",
    properties: { [field]: { type: "string" } },
    required: [field],
  };
}

/** A table render of one column, marked with `label` to tell renders apart. */
export function tableRender(label: string, field = "name"): SchemaRender {
  return {
    renderType: "table",
    layout: {
      type: "table",
      columns: [{ field: `/${field}`, label, format: "text", width: "medium" }],
      defaultSort: null,
      groupBy: null,
    },
    fieldGroups: [],
    uiSchema: {},
    rationale: `A test render (${label}).`,
    alternatives: [],
    source: { analyzer: "rules", version: "test", model: null },
    warnings: [],
  };
}

export interface TestAnalyzer extends Analyzer {
  calls: unknown[];
}

type Step = "ok" | AnalysisError | Error;

/**
 * An analyser whose answers are scripted: each call takes the next entry
 * of `script` (the last one repeats). "ok" answers a table render labelled
 * with the schema's first property name.
 */
export function testAnalyzer(
  script: Step[] = ["ok"],
  options: {
    delayMs?: number;
    identity?: string;
    /** Answer this render instead (one that may not fit the schema). */
    render?: SchemaRender;
    callsModel?: boolean;
  } = {},
): TestAnalyzer {
  const calls: unknown[] = [];
  const identity = options.identity ?? "test@1";
  return {
    identity,
    ...(options.callsModel !== undefined
      ? { callsModel: options.callsModel }
      : {}),
    calls,
    async analyze(schema): Promise<AnalysisResult> {
      const step = script[Math.min(calls.length, script.length - 1)] ?? "ok";
      calls.push(schema);
      if (options.delayMs) await sleep(options.delayMs);
      if (step !== "ok") throw step;
      const result = resultFor(schema, identity);
      return options.render ? { ...result, render: options.render } : result;
    },
  };
}

function resultFor(schema: unknown, analyzer: string): AnalysisResult {
  const properties = (schema as { properties?: object }).properties ?? {};
  const field = Object.keys(properties)[0] ?? "name";
  return {
    render: tableRender(field, field),
    meta: {
      analyzer,
      model: null,
      latencyMs: 1,
      tokensIn: null,
      tokensOut: null,
      cacheHit: false,
      fallbackReason: null,
    },
  };
}

/** The rule-based stand-in, as select-analyzer's fallbackRender shapes it. */
export function testFallback(schema: unknown, reason: string): AnalysisResult {
  const result = resultFor(schema, "rules@test");
  const fallbackReason = `The AI model failed: ${reason}`;
  return { ...result, meta: { ...result.meta, fallbackReason } };
}

export const transient = (message = "The model timed out.") =>
  new AnalysisError("transient", message);
export const permanent = (message = "The API key was refused.") =>
  new AnalysisError("permanent", message);
export const rateLimited = (retryAfterMs: number) =>
  new AnalysisError("rate_limited", "The model is rate limited.", {
    retryAfterMs,
  });

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let users = 0;

/** Inserts an activity as a request would leave it: PENDING, requested now. */
export async function pendingActivity(
  db: Db,
  schema: unknown,
  options: { userId?: string; requestedAt?: Date } = {},
): Promise<ActivityRow> {
  users += 1;
  const created = await insertActivity(db, {
    userId: options.userId ?? `user-${users}`,
    name: "Runs",
    activitySchema: schema,
    schemaHash: schemaHash(schema),
  });
  const requestedAt = options.requestedAt ?? new Date();
  const row = await updateActivityRow(db, created, {
    processingStatus: "PENDING",
    requestedAt,
  });
  if (!row) throw new Error("the test activity vanished");
  return row;
}

export function payloadOf(
  row: ActivityRow,
  bypassCache = false,
): AnalysisPayload & { reason: string; requestKey: string } {
  return {
    activityId: row.id,
    userId: row.userId,
    schemaVersion: row.schemaVersion,
    schemaHash: row.schemaHash,
    bypassCache,
    reason: "test",
    requestKey: `${row.id}:${row.schemaHash}:test`,
  };
}

export async function reload(db: Db, row: ActivityRow): Promise<ActivityRow> {
  const fresh = await getActivity(db, row);
  if (!fresh) throw new Error(`activity ${row.id} is gone`);
  return fresh;
}

/** Saves a new schema version as the service does, without a request. */
export async function saveSchemaVersion(
  db: Db,
  row: ActivityRow,
  schema: unknown,
): Promise<ActivityRow> {
  const current = await reload(db, row);
  const version = current.schemaVersion + 1;
  const hash = schemaHash(schema);
  await insertSchemaVersion(db, {
    activityId: row.id,
    version,
    activitySchema: schema,
    schemaHash: hash,
  });
  const updated = await updateActivityRow(db, row, {
    activitySchema: schema,
    schemaHash: hash,
    schemaVersion: version,
  });
  if (!updated) throw new Error(`activity ${row.id} is gone`);
  return updated;
}

/** A new schema version, moved to PENDING as a request would. */
export async function changeSchema(
  db: Db,
  row: ActivityRow,
  schema: unknown,
): Promise<ActivityRow> {
  const saved = await saveSchemaVersion(db, row, schema);
  const moved = await moveStatus(db, saved, "PENDING", {
    patch: { requestedAt: new Date() },
  });
  if (!moved) throw new Error(`cannot re-request ${row.id}`);
  return moved;
}

/** Inserts an activity as creation leaves it before its request. */
export async function newActivity(
  db: Db,
  schema: unknown,
  userId = "user-new",
): Promise<ActivityRow> {
  return insertActivity(db, {
    userId,
    name: "Runs",
    activitySchema: schema,
    schemaHash: schemaHash(schema),
  });
}
