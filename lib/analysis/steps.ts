import "server-only";
import type { Db } from "@/db/client";
import {
  getActivity,
  moveStatus,
  setVersionRender,
} from "@/db/queries/activities";
import { putCachedRender, takeCachedRender } from "@/db/queries/render-cache";
import type { ActivityRow } from "@/db/schema";
import {
  AnalysisError,
  type AnalysisMeta,
  type AnalysisResult,
  type Analyzer,
} from "@/lib/analysis/analyzer";
import type { AnalysisRequest } from "@/lib/analysis/dispatcher";
import type { Logger } from "@/lib/log";
import { checkRender } from "@/lib/render";
import type { SchemaRender } from "@/lib/render/types";

/**
 * The analysis workflow, written once. Each function is one step with one
 * side effect; the Inngest function wraps each in `step.run`, the
 * in-process runner calls them in the same order. Results are plain JSON
 * because Inngest stores them between steps.
 */

/** What every step needs to know about the request it serves. */
export type AnalysisPayload = Pick<
  AnalysisRequest,
  "activityId" | "userId" | "schemaVersion" | "schemaHash" | "bypassCache"
>;

export interface RunContext {
  runId: string;
  log: Logger;
}

/** The rule-based render standing in for a model that failed for good. */
export type FallbackRender = (
  schema: unknown,
  reason: string,
) => AnalysisResult | Promise<AnalysisResult>;

export interface WorkflowDeps {
  analyzer: Analyzer;
  /** Set only when the analyser is the AI one and AI_FALLBACK is on. */
  fallback: FallbackRender | null;
}

const owned = (payload: AnalysisPayload) => ({
  id: payload.activityId,
  userId: payload.userId,
});

export type ClaimResult =
  | { outcome: "gone" }
  | { outcome: "superseded"; currentVersion: number }
  | { outcome: "not-pending"; status: ActivityRow["processingStatus"] }
  | { outcome: "skipped"; reason: string }
  | {
      outcome: "claimed";
      attempts: number;
      schema: unknown;
      name: string;
      description: string | null;
    };

/** Why a request needs no analysis, or null when it does. */
function skipReason(row: ActivityRow, payload: AnalysisPayload): string | null {
  if (row.renderPinned) {
    return (
      "Skipped: the pinned render still fits this schema, so it stays. " +
      "Fields added since it was pinned are not in it; unpin to have them " +
      "analysed."
    );
  }
  // A fallback render is a stand-in, so the model is asked again.
  const fallback = row.renderMeta?.fallbackReason ?? null;
  const rendered = row.renderedHash === payload.schemaHash && !fallback;
  if (rendered && !payload.bypassCache) {
    return "Skipped: this schema already has its render.";
  }
  return null;
}

/**
 * Step 1. Takes the activity for this run: PENDING → PROCESSING with one
 * more attempt, or SKIPPED when there is nothing to do. Ends without a
 * write when the activity is gone or has a newer schema than the request.
 */
export async function claimActivity(
  db: Db,
  payload: AnalysisPayload,
  { runId, log }: RunContext,
): Promise<ClaimResult> {
  const row = await getActivity(db, owned(payload));
  if (!row) return { outcome: "gone" };
  if (row.schemaVersion !== payload.schemaVersion) {
    return { outcome: "superseded", currentVersion: row.schemaVersion };
  }
  // The claim succeeded before but its answer was lost: claim again.
  if (row.processingStatus === "PROCESSING" && row.runId === runId) {
    return claimed(row);
  }

  const reason = skipReason(row, payload);
  const version = { schemaVersion: payload.schemaVersion };
  if (reason) {
    const skipped = await moveStatus(db, owned(payload), "SKIPPED", {
      ...version,
      patch: { processingError: reason, runId, processedAt: new Date() },
    });
    if (!skipped)
      return { outcome: "not-pending", status: row.processingStatus };
    log.info({ reason }, "analysis skipped");
    return { outcome: "skipped", reason };
  }

  const taken = await moveStatus(db, owned(payload), "PROCESSING", {
    ...version,
    patch: {
      runId,
      processingError: null,
      processingAttempts: row.processingAttempts + 1,
    },
  });
  if (!taken) return { outcome: "not-pending", status: row.processingStatus };
  log.info({ attempts: taken.processingAttempts }, "analysis claimed");
  return claimed(taken);
}

function claimed(row: ActivityRow): ClaimResult {
  return {
    outcome: "claimed",
    attempts: row.processingAttempts,
    schema: row.activitySchema,
    name: row.name,
    description: row.description,
  };
}

export interface AnalyzedRender {
  render: SchemaRender;
  meta: AnalysisMeta;
  /** The analyser identity the render cache is keyed by. */
  analyzer: string;
  fromCache: boolean;
}

export interface AnalyzeOptions extends RunContext {
  analyzer: Analyzer;
  /** Waits for the model's rate limit; the in-process runner sets it. */
  beforeModelCall?: () => Promise<void>;
  signal?: AbortSignal;
}

type Claimed = Extract<ClaimResult, { outcome: "claimed" }>;

/**
 * Step 2. The render cache first (unless bypassCache), then the analyser.
 * Throws AnalysisError as the analyser does; each runner maps its kind to
 * its own retry policy.
 */
export async function analyzeSchema(
  db: Db,
  payload: AnalysisPayload,
  claim: Pick<Claimed, "schema" | "name" | "description">,
  options: AnalyzeOptions,
): Promise<AnalyzedRender> {
  const identity = options.analyzer.identity;
  if (!payload.bypassCache) {
    const key = { schemaHash: payload.schemaHash, analyzer: identity };
    const cached = await takeCachedRender(db, key);
    if (cached) {
      options.log.info(
        { analyzer: identity, cacheHit: true },
        "render cache hit",
      );
      return {
        render: cached.render,
        meta: { ...cachedMeta(cached.meta, identity), cacheHit: true },
        analyzer: identity,
        fromCache: true,
      };
    }
  }

  if (options.analyzer.callsModel !== false) await options.beforeModelCall?.();
  const result = await options.analyzer.analyze(claim.schema, {
    activityId: payload.activityId,
    runId: options.runId,
    name: claim.name,
    description: claim.description,
    signal: options.signal,
  });
  refuseUnfitRender(claim.schema, result.render, options.analyzer);
  options.log.info(
    { analyzer: identity, latencyMs: result.meta.latencyMs, cacheHit: false },
    "schema analysed",
  );
  return { ...result, analyzer: identity, fromCache: false };
}

/**
 * Every analyser's render is checked against the schema before it can be
 * stored. A model may answer better on another try; the rules would give
 * the same render again, so their misfit is permanent.
 */
function refuseUnfitRender(
  schema: unknown,
  render: SchemaRender,
  analyzer: Analyzer,
): void {
  const problems = checkRender(schema, render);
  if (problems.length === 0) return;
  const list = problems
    .slice(0, 3)
    .map((problem) => `${problem.path || "/"}: ${problem.message}`)
    .join("; ");
  throw new AnalysisError(
    analyzer.callsModel === false ? "permanent" : "invalid_output",
    `The render from ${analyzer.identity} does not fit the schema (${list}).`,
  );
}

function cachedMeta(meta: AnalysisMeta | null, identity: string) {
  return {
    analyzer: identity,
    model: null,
    tokensIn: null,
    tokensOut: null,
    fallbackReason: null,
    ...meta,
    latencyMs: 0,
  };
}

export type SaveResult =
  | { outcome: "saved" }
  | { outcome: "pinned" }
  | { outcome: "discarded"; reason: string };

/** What processing_error says when the rule-based render stood in. */
export function fallbackMessage(fallbackReason: string): string {
  return `${fallbackReason} The rule-based render is shown instead.`;
}

/**
 * Step 3. Writes the render and COMPLETED in one compare-and-set, only if
 * the activity still has the analysed schema version and is still being
 * processed; a late result for an old schema is discarded.
 */
export async function saveRender(
  db: Db,
  payload: AnalysisPayload,
  analyzed: AnalyzedRender,
  { log }: RunContext,
): Promise<SaveResult> {
  const reason = analyzed.meta.fallbackReason;
  const saved = await moveStatus(db, owned(payload), "COMPLETED", {
    schemaVersion: payload.schemaVersion,
    unpinnedOnly: true,
    patch: {
      schemaRender: analyzed.render,
      renderSource: analyzed.meta.analyzer,
      renderMeta: analyzed.meta,
      renderedHash: payload.schemaHash,
      processingError: reason ? fallbackMessage(reason) : null,
      processedAt: new Date(),
    },
  });
  if (saved) {
    log.info({ renderType: analyzed.render.renderType }, "render saved");
    return { outcome: "saved" };
  }
  const pinned = await keepPinnedRender(db, payload);
  if (pinned) return pinned;

  const discarded = "the activity changed while it was being analysed";
  log.warn(
    { schemaVersion: payload.schemaVersion },
    `result discarded: ${discarded}`,
  );
  return { outcome: "discarded", reason: discarded };
}

/**
 * A designer may pin a render while the analysis runs; the pin wins. The
 * save refuses pinned rows in its own statement, so this only settles the
 * run as SKIPPED once the save was refused.
 */
async function keepPinnedRender(
  db: Db,
  payload: AnalysisPayload,
): Promise<SaveResult | null> {
  const row = await getActivity(db, owned(payload));
  if (!row?.renderPinned) return null;
  const skipped = await moveStatus(db, owned(payload), "SKIPPED", {
    schemaVersion: payload.schemaVersion,
    patch: {
      processingError: "Skipped: a designer pinned a render meanwhile.",
      processedAt: new Date(),
    },
  });
  return skipped ? { outcome: "pinned" } : null;
}

/** Step 4 (after a save). The schema version's own render history. */
export async function recordVersionRender(
  db: Db,
  payload: AnalysisPayload,
  analyzed: AnalyzedRender,
): Promise<void> {
  await setVersionRender(db, {
    activityId: payload.activityId,
    version: payload.schemaVersion,
    render: analyzed.render,
    renderSource: analyzed.meta.analyzer,
  });
}

/**
 * Step 5. Stores the render for every activity with this schema, even when
 * this activity's save was discarded: the answer depends only on the
 * schema and the analyser. A fallback is never cached, or the model
 * would not be asked again for that schema.
 */
export async function cacheRender(
  db: Db,
  payload: AnalysisPayload,
  analyzed: AnalyzedRender,
): Promise<boolean> {
  if (analyzed.fromCache || analyzed.meta.fallbackReason) return false;
  await putCachedRender(db, {
    schemaHash: payload.schemaHash,
    analyzer: analyzed.analyzer,
    render: analyzed.render,
    meta: analyzed.meta,
  });
  return true;
}

export type FailureResult =
  | { outcome: "failed"; message: string }
  | { outcome: "fallback"; message: string }
  | { outcome: "untouched" };

export interface FailureOptions extends RunContext {
  /** The last error, in words a person can act on. */
  reason: string;
  fallback: FallbackRender | null;
}

/**
 * The failure handler of both runners, once retries are spent or the
 * error is permanent: FAILED with the reason, or the rule-based render as
 * COMPLETED when the AI analyser failed and AI_FALLBACK is on. Touches
 * the activity only while this run holds it, so a newer request for it is
 * never failed by an older run.
 */
export async function failAnalysis(
  db: Db,
  payload: AnalysisPayload,
  options: FailureOptions,
): Promise<FailureResult> {
  const row = await getActivity(db, owned(payload));
  const held =
    row !== null &&
    row.schemaVersion === payload.schemaVersion &&
    row.processingStatus === "PROCESSING" &&
    row.runId === options.runId;
  if (!held) return { outcome: "untouched" };

  if (options.fallback) {
    const saved = await saveFallback(db, payload, row, {
      ...options,
      fallback: options.fallback,
    });
    if (saved) return saved;
  }
  const message = `The analysis failed: ${options.reason}`;
  const failed = await moveStatus(db, owned(payload), "FAILED", {
    schemaVersion: payload.schemaVersion,
    patch: { processingError: message, processedAt: new Date() },
  });
  if (!failed) return { outcome: "untouched" };
  options.log.error({ reason: options.reason }, "analysis failed");
  return { outcome: "failed", message };
}

async function saveFallback(
  db: Db,
  payload: AnalysisPayload,
  row: ActivityRow,
  options: FailureOptions & { fallback: FallbackRender },
): Promise<FailureResult | null> {
  const result = await options.fallback(row.activitySchema, options.reason);
  const problems = checkRender(row.activitySchema, result.render);
  if (problems.length > 0) {
    options.log.error({ problems }, "fallback render does not fit; failing");
    return null;
  }
  const reason = result.meta.fallbackReason ?? options.reason;
  const message = fallbackMessage(reason);
  const saved = await moveStatus(db, owned(payload), "COMPLETED", {
    schemaVersion: payload.schemaVersion,
    unpinnedOnly: true,
    patch: {
      schemaRender: result.render,
      renderSource: result.meta.analyzer,
      renderMeta: { ...result.meta, fallbackReason: reason },
      renderedHash: payload.schemaHash,
      processingError: message,
      processedAt: new Date(),
    },
  });
  if (!saved) return null;
  await recordVersionRender(db, payload, {
    render: result.render,
    meta: result.meta,
    analyzer: result.meta.analyzer,
    fromCache: false,
  });
  options.log.warn({ reason: options.reason }, "model failed; fallback saved");
  return { outcome: "fallback", message };
}
