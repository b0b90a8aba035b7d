import "server-only";
import type { Db } from "@/db/client";
import {
  deleteActivityRow,
  getActivity,
  getActivityStatus,
  insertActivity,
  insertSchemaVersion,
  listActivities,
  listSchemaVersions,
  type Owned,
  setVersionRender,
  updateActivityRow,
} from "@/db/queries/activities";
import { insertEntry, listEntries } from "@/db/queries/entries";
import type { ActivityRow } from "@/db/schema";
import { checkEntry } from "@/lib/activities/entry-validator";
import { schemaHash } from "@/lib/activities/hash";
import {
  AddEntryInput,
  AnalyzeInput,
  CreateActivityInput,
  MAX_ENTRY_BYTES,
  PinRenderInput,
  UpdateActivityInput,
} from "@/lib/activities/inputs";
import { assertValidActivitySchema } from "@/lib/activities/schema-input";
import { IllegalTransitionError } from "@/lib/activities/status";
import { isSettled } from "@/lib/activities/types";
import { currentDispatcher, requestAnalysis } from "@/lib/analysis/request";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/log";
import { checkRender, renderFor } from "@/lib/render";
import type { SchemaRender } from "@/lib/render/types";
import { analysisLimiter } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";

/**
 * The service layer: route handlers, server actions and the workflow call
 * these, and every one of them acts for one owner (`userId`).
 */

export async function createActivity(
  db: Db,
  userId: string,
  input: unknown,
): Promise<ActivityRow> {
  const { name, description, schema } = parseInput(CreateActivityInput, input);
  assertValidActivitySchema(schema);
  analysisLimiter().take(userId);

  const created = await insertActivity(db, {
    userId,
    name,
    description,
    activitySchema: schema,
    schemaHash: schemaHash(schema),
  });
  logger().info({ activityId: created.id }, "activity created");
  const requested = await requestAnalysis(db, created, { reason: "created" });
  return requested.activity;
}

export async function getOwnedActivity(
  db: Db,
  owned: Owned,
): Promise<ActivityRow> {
  const row = await getActivity(db, owned);
  if (!row) throw notFound();
  return row;
}

export function listOwnedActivities(db: Db, userId: string) {
  return listActivities(db, { userId });
}

export async function getStatus(db: Db, owned: Owned) {
  const status = await getActivityStatus(db, owned);
  if (!status) throw notFound();
  return status;
}

/**
 * Changes the name, description or schema. A schema that differs (by hash)
 * becomes a new version and is sent for analysis; a pinned render that no
 * longer fits the new schema is unpinned.
 */
export async function updateActivity(
  db: Db,
  owned: Owned,
  input: unknown,
): Promise<ActivityRow> {
  const patch = parseInput(UpdateActivityInput, input);
  const current = await getOwnedActivity(db, owned);
  const details = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined
      ? { description: patch.description || null }
      : {}),
  };

  const hash =
    patch.schema === undefined ? current.schemaHash : schemaHash(patch.schema);
  if (patch.schema === undefined || hash === current.schemaHash) {
    const updated = await updateActivityRow(db, owned, details);
    if (!updated) throw notFound();
    return updated;
  }

  assertValidActivitySchema(patch.schema);
  analysisLimiter().take(owned.userId);
  const changed = await saveNewSchema(db, current, patch.schema, hash, details);
  const requested = await requestAnalysis(db, changed, {
    reason: "schema-changed",
  });
  return requested.activity;
}

async function saveNewSchema(
  db: Db,
  current: ActivityRow,
  schema: unknown,
  hash: string,
  details: { name?: string; description?: string | null },
): Promise<ActivityRow> {
  const keepPin =
    current.renderPinned &&
    current.schemaRender !== null &&
    (await checkRender(schema, current.schemaRender)).length === 0;

  return db.transaction(async (tx) => {
    const version = current.schemaVersion + 1;
    const updated = await updateActivityRow(tx, current, {
      ...details,
      activitySchema: schema,
      schemaHash: hash,
      schemaVersion: version,
      renderPinned: keepPin,
      ...(keepPin ? { renderedHash: hash } : {}),
    });
    if (!updated) throw notFound();
    await insertSchemaVersion(tx, {
      activityId: current.id,
      version,
      activitySchema: schema,
      schemaHash: hash,
      ...(keepPin
        ? {
            schemaRender: current.schemaRender,
            renderSource: current.renderSource,
          }
        : {}),
    });
    return updated;
  });
}

export async function deleteActivity(db: Db, owned: Owned): Promise<void> {
  const deleted = await deleteActivityRow(db, owned);
  if (!deleted) throw notFound();
  logger().info({ activityId: owned.id }, "activity deleted");
  await currentDispatcher()
    .cancel({ activityId: owned.id, userId: owned.userId })
    .catch((error: unknown) => {
      logger().warn(
        { activityId: owned.id, err: error },
        "could not cancel the analysis of a deleted activity",
      );
    });
}

/** Re-analyse on request (the retry button, or after a model change). */
export async function reanalyze(
  db: Db,
  owned: Owned,
  input: unknown,
): Promise<ActivityRow> {
  const { bypassCache } = parseInput(AnalyzeInput, input ?? {});
  const current = await getOwnedActivity(db, owned);
  analysisLimiter().take(owned.userId);
  try {
    const requested = await requestAnalysis(db, current, {
      reason: "reanalyze",
      bypassCache,
    });
    return requested.activity;
  } catch (error) {
    if (error instanceof IllegalTransitionError) {
      throw new AppError(
        "conflict",
        "An analysis is already running for this activity.",
      );
    }
    throw error;
  }
}

/**
 * Pins a render chosen by a designer: the rule-based render of a type, or
 * a whole render sent by the client. Either must fit the schema.
 */
export async function pinRender(
  db: Db,
  owned: Owned,
  input: unknown,
): Promise<ActivityRow> {
  const choice = parseInput(PinRenderInput, input);
  const current = await getOwnedActivity(db, owned);
  const render = await chosenRender(current.activitySchema, choice);
  const problems = await checkRender(current.activitySchema, render);
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      "That render does not fit the schema.",
      {
        fieldErrors: { render: problems.map((p) => p.message) },
        problems: problems.map((p) => ({
          pointer: p.path,
          message: p.message,
        })),
      },
    );
  }
  return savePinned(db, current, render);
}

async function chosenRender(
  schema: unknown,
  choice: PinRenderInput,
): Promise<SchemaRender> {
  if ("render" in choice) {
    return {
      ...choice.render,
      source: { analyzer: "designer", version: "1", model: null },
    };
  }
  const result = await renderFor(schema, choice.renderType);
  if (!result.ok) {
    throw new AppError(
      "validation_failed",
      `A ${choice.renderType} does not fit this schema: ${result.reason}`,
      { fieldErrors: { renderType: [result.reason] } },
    );
  }
  return {
    ...result.render,
    source: { ...result.render.source, analyzer: "designer" },
  };
}

async function savePinned(
  db: Db,
  current: ActivityRow,
  render: SchemaRender,
): Promise<ActivityRow> {
  const renderSource = `designer:${render.renderType}`;
  return db.transaction(async (tx) => {
    const updated = await updateActivityRow(tx, current, {
      schemaRender: render,
      renderSource,
      renderPinned: true,
      renderedHash: current.schemaHash,
    });
    if (!updated) throw notFound();
    await setVersionRender(tx, {
      activityId: current.id,
      version: current.schemaVersion,
      render,
      renderSource,
    });
    return updated;
  });
}

/** Lets the analyser choose again; the pinned render shows until then. */
export async function unpinRender(db: Db, owned: Owned): Promise<ActivityRow> {
  const updated = await updateActivityRow(db, owned, {
    renderPinned: false,
    renderedHash: null,
  });
  if (!updated) throw notFound();
  // A run already in flight analyses the schema anyway.
  if (!isSettled(updated.processingStatus)) return updated;
  const requested = await requestAnalysis(db, updated, { reason: "unpinned" });
  return requested.activity;
}

export async function addEntry(db: Db, owned: Owned, input: unknown) {
  const { data, occurredAt } = parseInput(AddEntryInput, input);
  const activity = await getOwnedActivity(db, owned);
  const bytes = Buffer.byteLength(JSON.stringify(data) ?? "", "utf8");
  if (bytes > MAX_ENTRY_BYTES) {
    throw new AppError(
      "payload_too_large",
      `An entry may be at most ${MAX_ENTRY_BYTES / 1024} KiB.`,
    );
  }

  const check = checkEntry(activity.activitySchema, activity.schemaHash, data);
  if (!check.ok) {
    const first = check.problems[0];
    throw new AppError(
      "validation_failed",
      `The entry does not match the schema: ${first?.pointer || "(root)"} ${first?.message ?? ""}`.trim(),
      {
        fieldErrors: Object.fromEntries(
          check.problems.map((p) => [p.pointer || "data", [p.message]]),
        ),
        problems: check.problems,
      },
    );
  }
  return insertEntry(db, {
    activityId: activity.id,
    data,
    ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
  });
}

export async function listOwnedEntries(db: Db, owned: Owned) {
  await getOwnedActivity(db, owned);
  return listEntries(db, owned);
}

export async function listVersions(db: Db, owned: Owned) {
  await getOwnedActivity(db, owned);
  return listSchemaVersions(db, owned);
}
